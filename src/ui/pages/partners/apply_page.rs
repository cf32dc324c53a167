//! `/partners/apply`: the application form for individual and business
//! partners. Every field works without JavaScript; the business fields are
//! always there and only checked for a business.

use crate::{
    api::partners::ApplyAsPartner,
    domain::AppError,
    ui::components::{
        form::{last_error, Field, FormAlert, SubmitButton},
        notice::Notice,
        page_header::PageHeader,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PartnerApplyPage() -> impl IntoView {
    let action = ServerAction::<ApplyAsPartner>::new();
    let error = last_error(action);
    let query = use_query_map();
    let sent = query.with_untracked(|q| q.get("sent").is_some());
    let asked_kind = query
        .with_untracked(|q| q.get("kind"))
        .unwrap_or_else(|| "ipp".into());
    view! {
        <div class="mx-auto max-w-xl">
            <PageHeader
                title="Apply to be a partner"
                description="Apply to the partner programme as an individual or a GST-registered business."
                lead="Tell us about yourself. We review every application within two working days and write to you by email."
            />
            {sent.then(|| view! {
                <Notice>
                    "Thank you: your application is in. We have emailed you a confirmation and will write again with our decision."
                </Notice>
            })}
            <FormAlert error />
            <ActionForm action attr:novalidate=true attr:class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <KindChoice error asked=asked_kind />
                <Field label="Your name" name="name" autocomplete="name" required=true error />
                <Field label="Email" name="email" input_type="email" autocomplete="email" required=true error />
                <Field label="Mobile number" name="mobile" input_type="tel" autocomplete="tel-national" hint="10 digits." required=true error />
                <Field label="City" name="city" autocomplete="address-level2" required=true error />
                <Field label="UPI ID for payouts" name="upi_id" hint="e.g. yourname@okaxis: commissions are paid here." required=true error />
                <Field label="PAN (optional)" name="pan" hint="10 characters, e.g. ABCPE1234F. Needed once your commissions pass the tax threshold." error />
                <fieldset class="mb-4 rounded border border-stone-200 p-4">
                    <legend class="px-1 font-semibold">"Business partners only"</legend>
                    <Field label="Business name" name="business_name" autocomplete="organization" error />
                    <Field label="GSTIN" name="gstin" hint="15 characters, e.g. 27AAPFU0939F1ZV." error />
                    <Field label="Business address" name="address" autocomplete="street-address" error />
                </fieldset>
                <SubmitButton label="Send application" pending=action.pending().into() />
            </ActionForm>
        </div>
    }
}

/// Individual or business, as radio buttons, with the server's message.
#[component]
fn KindChoice(error: Signal<Option<AppError>>, asked: String) -> impl IntoView {
    let chosen = error
        .get_untracked()
        .and_then(|e| {
            e.form_errors()
                .and_then(|f| f.value("kind"))
                .map(str::to_owned)
        })
        .unwrap_or(asked);
    let message = Signal::derive(move || {
        error.get().and_then(|e| {
            e.form_errors()
                .and_then(|f| f.field("kind"))
                .map(str::to_owned)
        })
    });
    let option = move |value: &'static str, label: &'static str, detail: &'static str| {
        let checked = chosen == value;
        view! {
            <label class="flex items-start gap-2 rounded border border-stone-200 p-3">
                <input type="radio" name="kind" value=value checked=checked class="mt-1" />
                <span><span class="font-medium">{label}</span><br/><span class="text-sm text-stone-600">{detail}</span></span>
            </label>
        }
    };
    view! {
        <fieldset class="mb-4" aria-describedby=move || message.get().map(|_| "kind-error")>
            <legend class="mb-1 font-medium">"I am applying as"</legend>
            <div class="grid gap-2 sm:grid-cols-2">
                {option("ipp", "An individual", "I recommend the shop to people I know.")}
                {option("bpp", "A business", "We are GST-registered and send our customers or members.")}
            </div>
            {move || message.get().map(|m| view! { <p id="kind-error" class="mt-1 text-sm text-red-700">{m}</p> })}
        </fieldset>
    }
}
