//! `/forgot-password`: ask for a reset link by email.

use crate::{
    api::password::ForgotPassword,
    ui::components::{
        form::{last_error, Field, FormAlert, SubmitButton},
        notice::Notice,
        page_header::PageHeader,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<ForgotPassword>::new();
    let error = last_error(action);
    let sent = use_query_map().with_untracked(|q| q.get("sent").is_some());
    view! {
        <div class="mx-auto max-w-md">
            <PageHeader
                title="Forgot your password?"
                description="Get a link to choose a new password for your Haat account."
                lead="Enter the email you signed up with and we will send you a link to choose a new password."
            />
            {sent.then(|| view! {
                <Notice>
                    "If an account exists for that email, a link to reset its password is on its way. "
                    "It works once, for one hour."
                </Notice>
            })}
            <FormAlert error />
            <ActionForm action attr:novalidate=true attr:class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <Field label="Email" name="email" input_type="email" autocomplete="email" required=true error />
                <SubmitButton label="Send me a link" pending=action.pending().into() />
            </ActionForm>
            <p class="mt-4 text-sm"><a class="text-teal-800 underline" href="/login">"Back to log in"</a></p>
        </div>
    }
}
