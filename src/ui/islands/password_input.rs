//! A password input with a "Show" button. Without JavaScript the button
//! stays disabled and the input is an ordinary password field.

use leptos::prelude::*;

#[island]
pub fn PasswordInput(
    label: String,
    name: String,
    autocomplete: String,
    hint: String,
    /// The server's message about the posted value.
    message: Option<String>,
) -> impl IntoView {
    let (shown, set_shown) = signal(false);
    let hydrated = RwSignal::new(false);
    // Effects run only in the browser, once the island is alive.
    Effect::new(move |_| hydrated.set(true));
    let error_id = format!("{name}-error");
    let described_by = message.is_some().then(|| error_id.clone());
    view! {
        <div class="mb-4">
            <label for=name.clone() class="mb-1 block font-medium">{label}</label>
            <div class="flex gap-2">
                <input
                    id=name.clone()
                    name=name.clone()
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete=autocomplete
                    required=true
                    aria-invalid=message.is_some().then_some("true")
                    aria-describedby=described_by
                    class="w-full rounded border border-stone-300 bg-white px-3 py-2 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid=true]:border-red-600"
                />
                <button
                    type="button"
                    class="rounded border border-stone-300 px-3 text-sm text-stone-700 hover:bg-stone-100 disabled:opacity-50"
                    aria-controls=name.clone()
                    aria-pressed=move || if shown.get() { "true" } else { "false" }
                    disabled=move || !hydrated.get()
                    on:click=move |_| set_shown.update(|s| *s = !*s)
                >
                    {move || if shown.get() { "Hide" } else { "Show" }}
                </button>
            </div>
            {(!hint.is_empty()).then(|| view! { <p class="mt-1 text-sm text-stone-500">{hint}</p> })}
            {message.map(|m| view! { <p id=error_id class="mt-1 text-sm text-red-700">{m}</p> })}
        </div>
    }
}
