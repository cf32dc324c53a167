//! `/login`: log in with email and password.

use crate::{
    api::session::Login,
    ui::components::{
        form::{last_error, Field, FormAlert, PasswordField, SubmitButton},
        notice::Notice,
        page_header::PageHeader,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let error = last_error(action);
    let query = use_query_map();
    let next = query.with_untracked(|q| q.get("next")).unwrap_or_default();
    let was_reset = query.with_untracked(|q| q.get("reset").is_some());
    view! {
        <div class="mx-auto max-w-md">
            <PageHeader
                title="Log in"
                description="Log in to your Haat account to follow your orders and manage your details."
            />
            {was_reset.then(|| view! { <Notice>"Your password was changed. Log in with the new one."</Notice> })}
            <FormAlert error />
            <ActionForm action attr:novalidate=true attr:class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <input type="hidden" name="next" value=next />
                <Field label="Email" name="email" input_type="email" autocomplete="email" required=true error />
                <PasswordField label="Password" name="password" autocomplete="current-password" error />
                <SubmitButton label="Log in" pending=action.pending().into() />
            </ActionForm>
            <p class="mt-4 flex flex-wrap justify-between gap-2 text-sm">
                <a class="text-teal-800 underline" href="/forgot-password">"Forgot your password?"</a>
                <a class="text-teal-800 underline" href="/signup">"New here? Create an account"</a>
            </p>
        </div>
    }
}
