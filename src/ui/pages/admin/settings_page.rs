//! `/admin/settings`: the business, GST and UPI details, contact, the
//! unpaid-order expiry, the default low-stock threshold, and the logo.

use crate::{
    api::admin::{
        programme::{load_programme_terms, SaveProgrammeTerms},
        razorpay::{load_razorpay_setup, SaveRazorpay},
        settings::{admin_settings, SaveSettings, UploadLogo},
    },
    domain::{ProgrammeTerms, RazorpaySetup, ShopSettings, STATES},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON},
        form::{last_error, posted_error, CheckboxField, Field, FormAlert, SelectField},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = Resource::new(|| (), |_| admin_settings());
    let terms = Resource::new(|| (), |_| load_programme_terms());
    let razorpay = Resource::new(|| (), |_| load_razorpay_setup());
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    view! {
        <AdminFrame title="Settings">
            {saved.then(|| view! { <Notice>"Saved."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match (settings.await, terms.await, razorpay.await) {
                        (Ok(s), Ok(terms), Ok(razorpay)) => view! {
                            <SettingsForm s=s.clone() />
                            <OnlinePayments setup=razorpay />
                            <Logo url=s.logo_url />
                            <Programme terms />
                        }.into_any(),
                        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => view! { <Refused error back_to="/admin/settings" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn SettingsForm(s: ShopSettings) -> impl IntoView {
    let action = ServerAction::<SaveSettings>::new();
    let error = last_error(action);
    let states: Vec<(String, String)> = std::iter::once((String::new(), "Choose…".to_string()))
        .chain(
            STATES
                .iter()
                .map(|(_, name)| (name.to_string(), name.to_string())),
        )
        .collect();
    view! {
        <Panel heading="Business">
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <div class="grid gap-x-4 md:grid-cols-2">
                    <Field label="Business name" name="business_name" error initial=s.business_name />
                    <Field label="GSTIN" name="gstin" error initial=s.gstin.unwrap_or_default() hint="15 characters; blank if not registered." />
                    <Field label="Address" name="address" error initial=s.address />
                    <SelectField label="State" name="state" error options=states initial=s.state />
                    <Field label="UPI ID" name="upi_id" error initial=s.upi_id hint="Payments go here, e.g. yourshop@okaxis." />
                    <Field label="UPI payee name" name="upi_payee_name" error initial=s.upi_payee_name />
                    <Field label="Contact phone" name="contact_phone" error initial=s.contact_phone input_type="tel" />
                    <Field label="Contact email" name="contact_email" error initial=s.contact_email input_type="email" />
                    <Field label="Unpaid UPI orders expire after (minutes)" name="upi_expiry_minutes" error initial=s.upi_expiry_minutes.to_string() />
                    <Field label="Default low-stock threshold (units)" name="low_stock_threshold" error initial=s.low_stock_threshold.to_string() />
                    <Field label="Warn of batches expiring within (days)" name="near_expiry_days" error initial=s.near_expiry_days.to_string() />
                    <Field label="Unpaid orders one customer may have" name="max_unpaid_orders" error initial=s.max_unpaid_orders.to_string() hint="Counted by email and account; stops stock being hoarded." />
                    <Field label="Cash orders not collected expire after (hours)" name="pickup_expiry_hours" error initial=s.pickup_expiry_hours.to_string() />
                    <Field label="UPI orders whose UTR is not confirmed expire after (hours)" name="utr_expiry_hours" error initial=s.utr_expiry_hours.to_string() />
                </div>
                <button type="submit" class=BUTTON>"Save settings"</button>
            </ActionForm>
        </Panel>
    }
}

#[component]
fn Logo(url: Option<String>) -> impl IntoView {
    let error = posted_error::<UploadLogo>();
    view! {
        <Panel heading="Logo">
            {url.map(|src| view! { <img src=src alt="Current logo" width="128" height="128" class="mb-3 h-16 w-auto" /> })}
            <form method="post" action="/api/admin/upload_logo" enctype="multipart/form-data">
                <label for="image" class="mb-1 block font-medium">"Logo (JPEG, PNG or WebP, up to 5 MB)"</label>
                <input id="image" name="image" type="file" accept="image/jpeg,image/png,image/webp" />
                {move || error.get().and_then(|e| e.form_errors().and_then(|f| f.field("image")).map(str::to_owned)).map(|m| view! {
                    <p id="image-error" class="mt-1 text-sm text-red-700">{m}</p>
                })}
                <div class="mt-3"><button type="submit" class=BUTTON>"Upload logo"</button></div>
            </form>
        </Panel>
    }
}

#[component]
fn Programme(terms: ProgrammeTerms) -> impl IntoView {
    let action = ServerAction::<SaveProgrammeTerms>::new();
    let error = last_error(action);
    let reward = format!(
        "{}.{:02}",
        terms.won_lead_reward.0 / 100,
        terms.won_lead_reward.0 % 100
    );
    view! {
        <Panel heading="Partner programme">
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <div class="grid gap-x-4 md:grid-cols-2">
                    <Field label="Individual partners' rate (%)" name="ipp_rate" error initial=terms.ipp_rate hint="Of the order value before GST, e.g. 5." />
                    <Field label="Business partners' rate (%)" name="bpp_rate" error initial=terms.bpp_rate hint="e.g. 8. Each partner's own rate can be changed on the Partners page." />
                    <Field label="Holding period (days)" name="hold_days" error initial=terms.hold_days.to_string() hint="A commission becomes due this long after delivery." />
                    <Field label="Reward for a won lead (₹)" name="won_lead_reward" error initial=reward />
                </div>
                <button type="submit" class=BUTTON>"Save programme terms"</button>
            </ActionForm>
        </Panel>
    }
}

#[component]
fn OnlinePayments(setup: RazorpaySetup) -> impl IntoView {
    let action = ServerAction::<SaveRazorpay>::new();
    let error = last_error(action);
    let saved = |yes: bool| {
        if yes {
            "Saved (never shown again). Leave blank to keep it; paste a new one to replace it."
        } else {
            "Not saved yet."
        }
    };
    view! {
        <Panel heading="Online payments (Razorpay)">
            <p class="mb-3 text-sm text-stone-600">
                "Customers pay by UPI, card or netbanking through Razorpay, and orders are marked paid on their own. "
                "Give Razorpay this webhook URL (Dashboard → Webhooks; events payment.captured, order.paid, payment.failed, payment_link.paid, refund.processed, refund.failed): "
                <code class="break-all" data-testid="webhook-url">{setup.webhook_url}</code>
            </p>
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <CheckboxField label="Offer “Pay online” at checkout" name="enabled" error initial=setup.enabled />
                <div class="grid gap-x-4 md:grid-cols-2">
                    <Field label="Key id" name="key_id" error initial=setup.key_id hint="From Razorpay's dashboard, API keys: rzp_live_… or rzp_test_…" />
                    <Field label="Key secret" name="key_secret" input_type="password" autocomplete="off" error keep=false hint=saved(setup.key_secret_saved) />
                    <Field label="Webhook secret" name="webhook_secret" input_type="password" autocomplete="off" error keep=false hint=saved(setup.webhook_secret_saved) />
                    <Field label="Your password" name="password" input_type="password" autocomplete="current-password" error keep=false hint="Asked again because these keys move money." />
                </div>
                <button type="submit" class=BUTTON>"Save online payments"</button>
            </ActionForm>
        </Panel>
    }
}
