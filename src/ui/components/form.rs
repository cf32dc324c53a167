//! Form parts that show a server's answer beside the field it concerns and
//! keep what the user typed, with or without JavaScript.

use crate::domain::AppError;
use leptos::{prelude::*, server_fn::ServerFn};

/// The error of the action's last submission, if it failed.
pub fn last_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The error a plain (non-JavaScript) post of server function `S` came back
/// with, for forms that are not `ActionForm`s (file uploads).
pub fn posted_error<S>() -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError>,
{
    use leptos::{server::ServerActionError, server_fn::error::ServerFnUrlError};
    let error = use_context::<ServerActionError>().and_then(|error| {
        (error.path() == S::PATH).then(|| ServerFnUrlError::<AppError>::decode_err(error.err()))
    });
    Signal::stored(error)
}

fn field_error(error: Signal<Option<AppError>>, name: impl Into<String>) -> Signal<Option<String>> {
    let name = name.into();
    Signal::derive(move || {
        error.get().and_then(|e| {
            e.form_errors()
                .and_then(|f| f.field(&name))
                .map(str::to_owned)
        })
    })
}

fn typed_value(error: Signal<Option<AppError>>, name: &str) -> Option<String> {
    error.get_untracked().and_then(|e| {
        e.form_errors()
            .and_then(|f| f.value(name))
            .map(str::to_owned)
    })
}

/// The message about the whole form, read out by screen readers when it appears.
#[component]
pub fn FormAlert(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <div role="alert" class="mb-4 rounded border border-red-300 bg-red-50 px-4 py-3 text-red-800">
                    {e.to_string()}
                </div>
            }
        })
    }
}

/// A labelled input. Its value is what the user last typed when the form came
/// back with errors, else `initial`. `keep=false` for secrets, which are never sent back.
#[component]
pub fn Field(
    label: &'static str,
    #[prop(into)] name: String,
    error: Signal<Option<AppError>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional, into)] initial: Option<String>,
    #[prop(default = false)] required: bool,
    #[prop(default = true)] keep: bool,
) -> impl IntoView {
    let message = field_error(error, name.clone());
    let value = if keep {
        typed_value(error, &name).or(initial)
    } else {
        None
    };
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described_by = move || {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push(hint_id.clone());
        }
        if message.get().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="mb-4">
            <label for=name.clone() class="mb-1 block font-medium">{label}</label>
            <input
                id=name.clone()
                name=name.clone()
                type=input_type
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                required=required
                value=value
                aria-invalid=move || message.get().is_some().then_some("true")
                aria-describedby=described_by
                class="w-full rounded border border-stone-300 bg-white px-3 py-2 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid=true]:border-red-600"
            />
            {(!hint.is_empty()).then(|| view! { <p id=format!("{name}-hint") class="mt-1 text-sm text-stone-500">{hint}</p> })}
            <FieldMessage name message />
        </div>
    }
}

/// The message beside a field, when the server refused its value.
#[component]
fn FieldMessage(name: String, message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(
            |m| view! { <p id=format!("{name}-error") class="mt-1 text-sm text-red-700">{m}</p> },
        )
    }
}

/// A labelled multi-line input, keeping what was typed like [`Field`].
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    error: Signal<Option<AppError>>,
    #[prop(optional, into)] initial: Option<String>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] hint: &'static str,
    /// Called with the text on every keystroke (once hydrated), e.g. for a preview.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
) -> impl IntoView {
    let message = field_error(error, name.clone());
    let value = typed_value(error, &name).or(initial).unwrap_or_default();
    view! {
        <div class="mb-4">
            <label for=name.clone() class="mb-1 block font-medium">{label}</label>
            <textarea
                id=name.clone()
                name=name.clone()
                rows=rows
                aria-invalid=move || message.get().is_some().then_some("true")
                aria-describedby={
                    let id = format!("{name}-error");
                    move || message.get().is_some().then(|| id.clone())
                }
                on:input=move |ev| {
                    if let Some(callback) = on_input {
                        callback.run(event_target_value(&ev));
                    }
                }
                class="w-full rounded border border-stone-300 bg-white px-3 py-2 font-mono text-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid=true]:border-red-600"
            >
                {value}
            </textarea>
            {(!hint.is_empty()).then(|| view! { <p class="mt-1 text-sm text-stone-500">{hint}</p> })}
            <FieldMessage name=name.clone() message />
        </div>
    }
}

/// A labelled select of `(value, label)` options.
#[component]
pub fn SelectField(
    label: &'static str,
    #[prop(into)] name: String,
    error: Signal<Option<AppError>>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] initial: Option<String>,
) -> impl IntoView {
    let message = field_error(error, name.clone());
    let selected = typed_value(error, &name).or(initial).unwrap_or_default();
    view! {
        <div class="mb-4">
            <label for=name.clone() class="mb-1 block font-medium">{label}</label>
            <select
                id=name.clone()
                name=name.clone()
                aria-invalid=move || message.get().is_some().then_some("true")
                class="w-full rounded border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600"
            >
                {options.into_iter().map(|(value, text)| {
                    let is_selected = value == selected;
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            <FieldMessage name message />
        </div>
    }
}

/// A labelled checkbox that posts `on` when ticked.
#[component]
pub fn CheckboxField(
    label: &'static str,
    name: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional)] initial: bool,
) -> impl IntoView {
    // After a refused post, tick it as the user left it.
    let checked = match error.get_untracked().as_ref().and_then(|e| e.form_errors()) {
        Some(form) => form.value(name).is_some_and(|v| !v.is_empty()),
        None => initial,
    };
    let message = field_error(error, name);
    view! {
        <div class="mb-4">
            <div class="flex items-center gap-2">
                <input id=name name=name type="checkbox" value="on" checked=checked class="h-4 w-4" />
                <label for=name>{label}</label>
            </div>
            <FieldMessage name=name.to_string() message />
        </div>
    }
}

/// A password input with a "Show" button that works in the browser (an
/// island); the server's message about it comes in beside it.
#[component]
pub fn PasswordField(
    label: &'static str,
    name: &'static str,
    error: Signal<Option<AppError>>,
    autocomplete: &'static str,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let message = field_error(error, name).get_untracked();
    view! {
        <crate::ui::islands::password_input::PasswordInput
            label=label.to_string()
            name=name.to_string()
            autocomplete=autocomplete.to_string()
            hint=hint.to_string()
            message
        />
    }
}

#[component]
pub fn SubmitButton(label: &'static str, pending: Signal<bool>) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="w-full rounded bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60"
            disabled=move || pending.get()
        >
            {label}
        </button>
    }
}
