//! `/reset-password?token=…`: choose a new password from an emailed link.

use crate::{
    api::password::{reset_token_usable, ResetPassword, RESET_LINK_USED},
    ui::components::{
        form::{last_error, FormAlert, PasswordField, SubmitButton},
        page_header::PageHeader,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = use_query_map()
        .with_untracked(|q| q.get("token"))
        .unwrap_or_default();
    let usable = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        |token| async move { !token.is_empty() && reset_token_usable(token).await.unwrap_or(false) },
    );
    view! {
        <div class="mx-auto max-w-md">
            <PageHeader title="Choose a new password" description="Choose a new password for your Haat account." />
            <Suspense fallback=|| ()>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                    if usable.await {
                        view! { <ResetForm token /> }.into_any()
                    } else {
                        view! {
                            <p role="alert" class="rounded border border-amber-300 bg-amber-50 px-4 py-3">{RESET_LINK_USED}</p>
                            <p class="mt-4"><a class="text-teal-800 underline" href="/forgot-password">"Get a new link"</a></p>
                        }
                        .into_any()
                    }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn ResetForm(token: String) -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let error = last_error(action);
    view! {
        <FormAlert error />
        <ActionForm action attr:novalidate=true attr:class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
            <input type="hidden" name="token" value=token />
            <PasswordField
                label="New password"
                name="password"
                autocomplete="new-password"
                hint="8 to 128 characters."
                error
            />
            <SubmitButton label="Save new password" pending=action.pending().into() />
        </ActionForm>
    }
}
