//! `/admin/orders/{reference}`: one order, its timeline, and the next steps
//! (confirm the UPI payment against the UTR, packed, ready, shipped,
//! delivered) or cancelling it; for online orders, the payment, refunds and
//! payments flagged for a look.

use crate::{
    api::admin::{
        orders::{admin_order, AdvanceOrder},
        refunds::RefundOrder,
    },
    domain::{
        can_cancel, next_steps, payment_label, refund_status_label, status_label,
        AdminOnlinePayment, AdminOrderDetail,
    },
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON, TABLE},
        form::{last_error, Field, FormAlert},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let order = Resource::new(
        move || params.with(|p| p.get("reference").unwrap_or_default()),
        admin_order,
    );
    let (moved, refunded) =
        use_query_map().with_untracked(|q| (q.get("moved").is_some(), q.get("refunded").is_some()));
    view! {
        <AdminFrame title="Order">
            {moved.then(|| view! { <Notice>"The order was updated; the customer was emailed."</Notice> })}
            {refunded.then(|| view! { <Notice>"Razorpay took the refund; its status follows below."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match order.await {
                        Ok(detail) => view! { <Detail detail /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/orders" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Detail(detail: AdminOrderDetail) -> impl IntoView {
    let action = ServerAction::<AdvanceOrder>::new();
    let error = last_error(action);
    let o = detail.order;
    let online = detail
        .online
        .map(|online| view! { <OnlinePayment online reference=o.reference.clone() /> });
    let steps = next_steps(&o.status, &o.fulfilment);
    let cancellable = can_cancel(&o.status);
    let step_forms = steps
        .into_iter()
        .map(|(to, label)| {
            let reference = o.reference.clone();
            view! {
                <ActionForm action>
                    <input type="hidden" name="reference" value=reference />
                    <input type="hidden" name="to" value=to />
                    <button type="submit" class=BUTTON>{label}</button>
                </ActionForm>
            }
        })
        .collect_view();
    let cancel_form = cancellable.then(|| {
        let reference = o.reference.clone();
        view! {
            <ActionForm action>
                <input type="hidden" name="reference" value=reference />
                <input type="hidden" name="to" value="cancelled" />
                <button type="submit" class=SMALL_BUTTON>"Cancel order (returns stock)"</button>
            </ActionForm>
        }
    });
    view! {
        <Panel heading="Summary">
            <dl class="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt class="text-stone-500">"Reference"</dt><dd class="font-mono">{o.reference.clone()}</dd>
                <dt class="text-stone-500">"Status"</dt><dd data-testid="order-status">{status_label(&o.status)}</dd>
                <dt class="text-stone-500">"Placed"</dt><dd>{o.placed_at}</dd>
                <dt class="text-stone-500">"Customer"</dt><dd>{o.customer_name}</dd>
                <dt class="text-stone-500">"Email"</dt><dd>{detail.email}</dd>
                <dt class="text-stone-500">"Mobile"</dt><dd>{detail.mobile}</dd>
                <dt class="text-stone-500">"Payment"</dt><dd>{payment_label(&o.payment_method)}</dd>
                {o.utr.map(|utr| view! { <dt class="text-stone-500">"UTR"</dt><dd class="font-mono" data-testid="order-utr">{utr}</dd> })}
                <dt class="text-stone-500">"Collect"</dt><dd>{detail.address.unwrap_or_else(|| "Pickup at the shop".into())}</dd>
                <dt class="text-stone-500">"Total"</dt><dd class="font-semibold">{o.total.to_string()}</dd>
                {detail.invoice_number.map(|number| view! {
                    <dt class="text-stone-500">"Tax invoice"</dt>
                    <dd><a class="underline" href=format!("/orders/{}/invoice", o.reference) data-testid="invoice-link">{number}</a></dd>
                })}
            </dl>
        </Panel>
        <Panel heading="Next step">
            <FormAlert error />
            <div class="flex flex-wrap gap-2">
                {step_forms}
                {cancel_form}
            </div>
        </Panel>
        {online}
        <Panel heading="Items">
            <table class=TABLE>
                <thead><tr><th scope="col">"Product"</th><th scope="col" class="text-right">"Qty"</th><th scope="col" class="text-right">"Price"</th></tr></thead>
                <tbody>
                    {detail.lines.into_iter().map(|l| view! {
                        <tr><td>{l.name} " " <span class="text-stone-500">{l.unit}</span></td><td class="text-right">{l.quantity}</td><td class="text-right">{l.unit_price.to_string()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Panel>
        <Panel heading="Timeline (the customer sees this)">
            <ol data-testid="admin-timeline">
                {detail.timeline.into_iter().map(|e| view! { <li>{e.at} " — " {status_label(&e.status)}</li> }).collect_view()}
            </ol>
        </Panel>
    }
}

#[component]
fn OnlinePayment(online: AdminOnlinePayment, reference: String) -> impl IntoView {
    let action = ServerAction::<RefundOrder>::new();
    let error = last_error(action);
    let refundable = online.refundable;
    let left = format!("{}.{:02}", refundable.0 / 100, refundable.0 % 100);
    view! {
        <Panel heading="Online payment">
            <p class="mb-2">
                {match online.payment_id {
                    Some(id) => view! { "Razorpay payment " <span class="font-mono" data-testid="payment-id">{id}</span> }.into_any(),
                    None => view! { "Not paid yet." }.into_any(),
                }}
            </p>
            {(!online.flags.is_empty()).then(|| view! {
                <div role="alert" class="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2" data-testid="payment-flags">
                    <p class="font-semibold">"Payments to look at"</p>
                    <ul>
                        {online.flags.into_iter().map(|f| view! {
                            <li>{format!("{} · {} · {} · {}", f.at, f.payment_id, f.amount, f.reason)}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(!online.refunds.is_empty()).then(|| view! {
                <ul class="mb-3" data-testid="admin-refunds">
                    {online.refunds.into_iter().map(|r| view! {
                        <li>{format!("{} · {} · {} · {}", r.at, r.amount, refund_status_label(&r.status), r.reason)}</li>
                    }).collect_view()}
                </ul>
            })}
            {(refundable.0 > 0).then(|| view! {
                <h3 class="mb-2 font-semibold">{format!("Refund (up to {refundable})")}</h3>
                <FormAlert error />
                <ActionForm action attr:novalidate=true attr:class="max-w-md">
                    <input type="hidden" name="reference" value=reference />
                    <Field label="Amount (₹)" name="amount" error initial=left.clone() />
                    <Field label="Reason" name="reason" error hint="Goes to the audit log." />
                    <Field label="Your password" name="password" input_type="password" autocomplete="current-password" error keep=false />
                    <button type="submit" class=BUTTON>"Refund through Razorpay"</button>
                </ActionForm>
            })}
        </Panel>
    }
}
