//! The partner's part of `/dashboard`: referral link with copy button and QR
//! code, figures, referred orders (customers masked), payouts and profile.

use crate::{
    api::{partner_dashboard::load_partner_dashboard, partner_documents::UploadPartnerDocument},
    domain::{status_label, DocumentView, PartnerDashboard, DOCUMENT_KINDS},
    ui::{
        components::{
            access::Refused,
            form::{posted_error, FormAlert},
        },
        islands::copy_button::CopyButton,
    },
};
use leptos::prelude::*;

const PANEL: &str = "mb-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm";
const TABLE: &str = "w-full text-left text-sm [&_td]:border-t [&_td]:border-stone-100 [&_td]:py-2 [&_td]:pr-3 [&_th]:pb-2 [&_th]:pr-3";

#[component]
pub fn PartnerSection() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_partner_dashboard());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Partner data /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/dashboard" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Partner(data: PartnerDashboard) -> impl IntoView {
    let conversion = data.conversion().unwrap_or_else(|| "–".into());
    let figures = [
        ("Visits", data.visits.to_string(), "visits"),
        ("Orders", data.orders.to_string(), "orders"),
        ("Conversion", conversion, "conversion"),
        ("Pending", data.pending.to_string(), "pending"),
        ("Due", data.due.to_string(), "due"),
        ("Paid", data.paid.to_string(), "paid"),
    ];
    view! {
        <section class=PANEL aria-labelledby="link-heading">
            <h2 id="link-heading" class="mb-2 text-xl font-semibold">"Your referral link"</h2>
            <p class="mb-3 text-stone-600">
                {format!("You earn {} of the value before GST of every delivered order placed within 30 days of a visit through this link. Your code is ", data.rate)}
                <strong data-testid="referral-code">{data.referral_code.clone()}</strong> "."
            </p>
            <div class="flex flex-wrap items-center gap-2">
                <label for="referral-link" class="sr-only">"Referral link"</label>
                <input id="referral-link" readonly value=data.referral_link.clone() class="min-w-0 flex-1 rounded border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm" />
                <CopyButton text=data.referral_link.clone() label="Copy link".to_string() />
            </div>
            <figure class="mt-4 w-48">
                <div data-testid="referral-qr" inner_html=data.qr_svg.clone()></div>
                <figcaption class="mt-1 text-sm text-stone-600">"Scan to open your link: print it for your counter or share it."</figcaption>
            </figure>
        </section>
        <section class=PANEL aria-labelledby="figures-heading">
            <h2 id="figures-heading" class="mb-3 text-xl font-semibold">"How your link is doing"</h2>
            <dl class="grid grid-cols-2 gap-4 sm:grid-cols-3">
                {figures.into_iter().map(|(label, value, id)| view! {
                    <div class="rounded border border-stone-200 p-3">
                        <dt class="text-sm text-stone-600">{label}</dt>
                        <dd class="text-2xl font-semibold" data-testid=format!("figure-{id}")>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
        <section class=PANEL aria-labelledby="orders-heading">
            <h2 id="orders-heading" class="mb-3 text-xl font-semibold">"Orders through your link"</h2>
            {data.referred_orders.is_empty().then(|| view! { <p class="text-stone-600">"No orders yet. Share your link to get started."</p> })}
            <table class=TABLE data-testid="referred-orders">
                <thead><tr><th scope="col">"Placed"</th><th scope="col">"Customer"</th><th scope="col">"Status"</th><th scope="col">"Order value"</th><th scope="col">"Your commission"</th></tr></thead>
                <tbody>
                    {data.referred_orders.into_iter().map(|o| view! {
                        <tr>
                            <td>{o.placed_at}</td>
                            <td>{o.customer}</td>
                            <td>{status_label(&o.status)}</td>
                            <td>{o.total.to_string()}</td>
                            <td data-testid="order-commission">{match (o.commission, o.commission_status) {
                                (Some(amount), Some(status)) => format!("{amount} ({status})"),
                                _ => "When delivered".to_string(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section class=PANEL aria-labelledby="payouts-heading">
            <h2 id="payouts-heading" class="mb-3 text-xl font-semibold">"Payouts"</h2>
            {data.payouts.is_empty().then(|| view! { <p class="text-stone-600">"No payouts yet. Due commissions are paid monthly."</p> })}
            <table class=TABLE data-testid="partner-payouts">
                <thead><tr><th scope="col">"Month"</th><th scope="col">"Amount"</th><th scope="col">"Status"</th></tr></thead>
                <tbody>
                    {data.payouts.into_iter().map(|p| view! {
                        <tr>
                            <td>{p.month}</td>
                            <td>{p.amount.to_string()}</td>
                            <td>{match p.utr { Some(utr) => format!("Paid · UTR {utr}"), None => "Being prepared".to_string() }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <Documents documents=data.documents />
        <section class=PANEL aria-labelledby="leads-heading">
            <h2 id="leads-heading" class="mb-2 text-xl font-semibold">"Leads"</h2>
            <p class="text-stone-600">
                "Know someone who needs us? " <a class="text-teal-800 underline" href="/crm/new">"Submit a lead"</a>
                " and follow it on " <a class="text-teal-800 underline" href="/crm">"your leads board"</a> "."
            </p>
        </section>
        <section class=PANEL aria-labelledby="profile-heading">
            <h2 id="profile-heading" class="mb-3 text-xl font-semibold">"Your details"</h2>
            <dl class="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
                <dt class="text-stone-600">"Programme"</dt><dd>{data.kind.label()}</dd>
                <dt class="text-stone-600">"Email"</dt><dd>{data.profile.email}</dd>
                <dt class="text-stone-600">"Mobile"</dt><dd>{data.profile.mobile.unwrap_or_default()}</dd>
                <dt class="text-stone-600">"City"</dt><dd>{data.profile.city}</dd>
                <dt class="text-stone-600">"Payouts to"</dt><dd>{data.profile.upi_id}</dd>
                <dt class="text-stone-600">"PAN"</dt><dd>{data.profile.pan.unwrap_or_else(|| "Not given".into())}</dd>
                {data.profile.business_name.map(|b| view! { <dt class="text-stone-600">"Business"</dt><dd>{b}</dd> })}
                {data.profile.gstin.map(|g| view! { <dt class="text-stone-600">"GSTIN"</dt><dd>{g}</dd> })}
                <dt class="text-stone-600">"Partner since"</dt><dd>{data.profile.since}</dd>
            </dl>
        </section>
    }
}

/// KYC documents: the list (each opens only for this partner and admins)
/// and the upload form, a plain multipart post with or without JavaScript.
#[component]
fn Documents(documents: Vec<DocumentView>) -> impl IntoView {
    let error = posted_error::<UploadPartnerDocument>();
    let message = move |field: &'static str| {
        error.get().and_then(|e| {
            e.form_errors()
                .and_then(|f| f.field(field))
                .map(str::to_owned)
        })
    };
    view! {
        <section class=PANEL aria-labelledby="documents-heading">
            <h2 id="documents-heading" class="mb-3 text-xl font-semibold">"KYC documents"</h2>
            {documents.is_empty().then(|| view! { <p class="mb-3 text-stone-600">"None uploaded yet. We need your PAN and, for businesses, the GST certificate before the first payout."</p> })}
            <ul class="mb-4 space-y-1 text-sm" data-testid="documents">
                {documents.into_iter().map(|d| view! {
                    <li>
                        <a class="text-teal-800 underline" rel="external" href=format!("/documents/{}", d.id)>{d.file_name}</a>
                        {format!(" · {} · {} KB · {}", d.kind, d.size_kb, d.uploaded_at)}
                    </li>
                }).collect_view()}
            </ul>
            <FormAlert error />
            <form method="post" action="/api/upload_partner_document" enctype="multipart/form-data" novalidate class="flex flex-wrap items-end gap-3">
                <div>
                    <label for="kind" class="mb-1 block text-sm font-medium">"Document"</label>
                    <select id="kind" name="kind" class="rounded border border-stone-300 px-2 py-1.5">
                        {DOCUMENT_KINDS.iter().map(|(value, label)| view! { <option value=*value>{*label}</option> }).collect_view()}
                    </select>
                    {move || message("kind").map(|m| view! { <p class="mt-1 text-sm text-red-700">{m}</p> })}
                </div>
                <div>
                    <label for="document" class="mb-1 block text-sm font-medium">"File (PDF, JPEG or PNG, up to 5 MB)"</label>
                    <input id="document" name="document" type="file" accept="application/pdf,image/jpeg,image/png" />
                    {move || message("document").map(|m| view! { <p id="document-error" class="mt-1 text-sm text-red-700">{m}</p> })}
                </div>
                <button type="submit" class="rounded bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">"Upload"</button>
            </form>
        </section>
    }
}
