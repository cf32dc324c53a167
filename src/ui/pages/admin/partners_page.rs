//! `/admin/partners`: partner applications to approve or reject, and the
//! approved partners with their rates and KYC documents.

use crate::{
    api::admin::{
        partner_applications::{load_partner_applications, ApproveApplication, RejectApplication},
        partners::{load_partners, SetPartnerRate},
    },
    domain::{AdminPartner, AppError, ApplicationView},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON},
        form::{last_error, FormAlert},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PartnersPage() -> impl IntoView {
    let applications = Resource::new(|| (), |_| load_partner_applications());
    let partners = Resource::new(|| (), |_| load_partners());
    let query = use_query_map();
    let approved = query.with_untracked(|q| q.get("approved").is_some());
    let rejected = query.with_untracked(|q| q.get("rejected").is_some());
    view! {
        <AdminFrame title="Partners">
            {approved.then(|| view! { <Notice>"Approved: the partner has been emailed their referral code and how to sign in."</Notice> })}
            {rejected.then(|| view! { <Notice>"Rejected: the applicant has been emailed the reason."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match (applications.await, partners.await) {
                        (Ok(list), Ok(partners)) => view! { <Applications list /> <Partners partners /> }.into_any(),
                        (Err(error), _) | (_, Err(error)) => view! { <Refused error back_to="/admin/partners" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Applications(list: Vec<ApplicationView>) -> impl IntoView {
    let approve = ServerAction::<ApproveApplication>::new();
    let reject = ServerAction::<RejectApplication>::new();
    let approve_error = last_error(approve);
    let reject_error = last_error(reject);
    let (pending, decided): (Vec<_>, Vec<_>) =
        list.into_iter().partition(|a| a.status == "pending");
    view! {
        <FormAlert error=approve_error />
        <FormAlert error=reject_error />
        <Panel heading="Waiting for a decision">
            {pending.is_empty().then(|| view! { <p class="text-stone-600">"No applications are waiting."</p> })}
            <ul class="space-y-4" data-testid="pending-applications">
                {pending.into_iter().map(|a| view! {
                    <li class="rounded border border-stone-200 p-4" data-email=a.email.clone()>
                        <ApplicationDetails application=a.clone() />
                        <div class="mt-3 flex flex-wrap items-start gap-4">
                            <ActionForm action=approve>
                                <input type="hidden" name="id" value=a.id />
                                <button type="submit" class=BUTTON>"Approve"</button>
                            </ActionForm>
                            <RejectForm id=a.id action=reject error=reject_error />
                        </div>
                        <FieldMessage field=format!("decision-{}", a.id) error=approve_error />
                    </li>
                }).collect_view()}
            </ul>
        </Panel>
        <Panel heading="Decided">
            <ul class="space-y-2 text-sm" data-testid="decided-applications">
                {decided.into_iter().map(|a| view! {
                    <li data-email=a.email.clone()>
                        <span class="font-medium">{a.name}</span> " · " {a.kind.label()} " · " {a.email.clone()} " · "
                        <span class="font-semibold">{a.status.clone()}</span>
                        {a.reject_reason.map(|r| view! { <span class="text-stone-600">{format!(" ({r})")}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </Panel>
    }
}

#[component]
fn ApplicationDetails(application: ApplicationView) -> impl IntoView {
    let a = application;
    let row = |label: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt class="text-stone-500">{label}</dt><dd>{v}</dd> })
    };
    view! {
        <p class="font-semibold">{a.name.clone()} <span class="font-normal text-stone-600">{format!(" · {} · received {}", a.kind.label(), a.received)}</span></p>
        <dl class="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
            {row("Email", Some(a.email))}
            {row("Mobile", Some(a.mobile))}
            {row("City", Some(a.city))}
            {row("UPI ID", Some(a.upi_id))}
            {row("PAN", a.pan)}
            {row("Business", a.business_name)}
            {row("GSTIN", a.gstin)}
            {row("Address", a.address)}
        </dl>
    }
}

#[component]
fn RejectForm(
    id: i64,
    action: ServerAction<RejectApplication>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field = format!("reason-{id}");
    let input_id = field.clone();
    let typed = error.get_untracked().and_then(|e| {
        e.form_errors()
            .and_then(|f| f.value(&field))
            .map(str::to_owned)
    });
    view! {
        <ActionForm action attr:class="flex flex-1 flex-wrap items-end gap-2">
            <input type="hidden" name="id" value=id />
            <div class="min-w-64 flex-1">
                <label for=input_id.clone() class="block text-sm font-medium">"Reason for rejecting"</label>
                <input id=input_id.clone() name="reason" value=typed class="w-full rounded border border-stone-300 px-2 py-1" />
            </div>
            <button type="submit" class=SMALL_BUTTON>"Reject"</button>
        </ActionForm>
        <FieldMessage field error />
    }
}

#[component]
fn FieldMessage(field: String, error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .and_then(|e| {
                e.form_errors()
                    .and_then(|f| f.field(&field))
                    .map(str::to_owned)
            })
            .map(|m| view! { <p class="mt-1 text-sm text-red-700" role="alert">{m}</p> })
    }
}

#[component]
fn Partners(partners: Vec<AdminPartner>) -> impl IntoView {
    let action = ServerAction::<SetPartnerRate>::new();
    let error = last_error(action);
    view! {
        <Panel heading="Partners">
            {partners.is_empty().then(|| view! { <p class="text-stone-600">"No partners yet."</p> })}
            <ul class="space-y-3" data-testid="partners">
                {partners.into_iter().map(|p| {
                    let field = format!("rate-{}", p.user_id);
                    let input_id = field.clone();
                    view! {
                        <li class="rounded border border-stone-200 p-3 text-sm" data-email=p.email.clone()>
                            <p class="font-semibold">{p.name} <span class="font-normal text-stone-600">{format!(" · {} · {} · code {}", p.kind.label(), p.email, p.referral_code)}</span></p>
                            <ActionForm action attr:class="mt-2 flex flex-wrap items-end gap-2">
                                <input type="hidden" name="user_id" value=p.user_id.clone() />
                                <div>
                                    <label for=input_id.clone() class="block font-medium">"Commission rate (%)"</label>
                                    <input id=input_id.clone() name="rate" value=p.rate.trim_end_matches(" %").to_string() class="w-24 rounded border border-stone-300 px-2 py-1" />
                                </div>
                                <button type="submit" class=SMALL_BUTTON>"Save rate"</button>
                            </ActionForm>
                            <FieldMessage field error />
                            <p class="mt-2 text-stone-600">"KYC documents: "
                                {if p.documents.is_empty() { "none yet".into_any() } else {
                                    p.documents.into_iter().map(|d| view! {
                                        <a class="mr-2 text-teal-800 underline" rel="external" href=format!("/documents/{}", d.id)>{format!("{} ({})", d.kind, d.file_name)}</a>
                                    }).collect_view().into_any()
                                }}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Panel>
    }
}
