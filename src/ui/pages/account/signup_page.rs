//! `/signup`: create a customer account.

use crate::{
    api::signup::Signup,
    domain::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS},
    ui::components::{
        form::{last_error, Field, FormAlert, PasswordField, SubmitButton},
        page_header::PageHeader,
    },
};
use leptos::prelude::*;

const _: () = assert!(
    MIN_PASSWORD_CHARS == 8 && MAX_PASSWORD_CHARS == 128,
    "update PASSWORD_HINT"
);
const PASSWORD_HINT: &str =
    "8 to 128 characters. A phrase of a few unrelated words is easy to remember and hard to guess.";

#[component]
pub fn SignupPage() -> impl IntoView {
    let action = ServerAction::<Signup>::new();
    let error = last_error(action);
    view! {
        <div class="mx-auto max-w-md">
            <PageHeader
                title="Create your account"
                description="Sign up for Haat to check out faster, follow your orders and hear when items are back in stock."
            />
            <FormAlert error />
            <ActionForm action attr:novalidate=true attr:class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <Field label="Your name" name="name" autocomplete="name" required=true error />
                <Field label="Email" name="email" input_type="email" autocomplete="email" required=true error />
                <Field
                    label="Mobile number (optional)"
                    name="mobile"
                    input_type="tel"
                    autocomplete="tel-national"
                    hint="10 digits, for updates about your orders."
                    error
                />
                <PasswordField label="Password" name="password" autocomplete="new-password" hint=PASSWORD_HINT error />
                <SubmitButton label="Create account" pending=action.pending().into() />
            </ActionForm>
            <p class="mt-4 text-sm">
                "Already have an account? " <a class="text-teal-800 underline" href="/login">"Log in"</a>
            </p>
        </div>
    }
}
