//! `/orders/{reference}`: an order's lines, status and timeline; for UPI, the
//! "Pay with a UPI app" link, its QR code and the form for the UTR; for
//! online orders, "Pay online" (Razorpay); refunds made.

use crate::{
    api::orders::{load_order, SubmitUtr},
    domain::{refund_status_label, status_label, AppError, OrderView, PayOnline},
    ui::{
        components::{
            access::Refused,
            form::{last_error, Field, FormAlert, SubmitButton},
            page_header::PageHeader,
        },
        islands::razorpay_checkout::{CheckoutOptions, RazorpayCheckout},
        pages::not_found_page::NotFoundPage,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    // The key of the order's emailed link, which opens it on any device.
    let key = use_query_map()
        .with_untracked(|q| q.get("key"))
        .unwrap_or_default();
    let order = Resource::new(
        {
            let key = key.clone();
            move || {
                let reference = params.with(|p| p.get("reference")).unwrap_or_default();
                (reference, key.clone())
            }
        },
        |(reference, key)| load_order(reference, key),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let key = key.clone();
                Suspend::new(async move {
                match order.await {
                    Ok(order) => view! { <Order order link_key=key /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/account" /> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

#[component]
fn Order(order: OrderView, link_key: String) -> impl IntoView {
    let reference = order.reference.clone();
    view! {
        <PageHeader title="Your order" description="The status of your order." />
        <p class="mb-4 text-lg">
            "Order " <strong data-testid="order-reference">{order.reference.clone()}</strong> " · "
            <span data-testid="order-status">{status_label(&order.status)}</span>
        </p>
        {order.upi_intent.clone().map(|intent| view! {
            <PayByUpi intent qr=order.upi_qr_svg.clone().unwrap_or_default() total=order.total.to_string() reference=reference.clone() link_key=link_key.clone() />
        })}
        {order.pay_online.clone().map(|pay| view! {
            <PayOnlineSection pay total=order.total reference=reference.clone() link_key=link_key.clone() />
        })}
        {order.guest.then(|| view! {
            <p class="mb-4 text-sm text-stone-600" data-testid="keep-the-link">
                "Keep the confirmation email: its link opens this order on any phone or computer."
            </p>
        })}
        {(order.status == "payment_submitted").then(|| view! {
            <p role="status" class="mb-4 rounded border border-teal-300 bg-teal-50 px-4 py-3">
                {format!("Thank you. We will confirm your payment (UTR {}) shortly.", order.utr.clone().unwrap_or_default())}
            </p>
        })}
        {order.invoice_number.clone().map(|number| {
            let href = if link_key.is_empty() {
                format!("/orders/{reference}/invoice")
            } else {
                format!("/orders/{reference}/invoice?key={link_key}")
            };
            view! {
                <p class="mb-4"><a class="underline" href=href data-testid="invoice-link">{format!("Tax invoice {number}")}</a></p>
            }
        })}
        {(order.status == "to_pay_at_pickup").then(|| view! {
            <p role="status" class="mb-4 rounded border border-teal-300 bg-teal-50 px-4 py-3">
                {format!("Please pay {} when you pick up your order.", order.total)}
            </p>
        })}
        <section aria-labelledby="lines-heading" class="mb-6 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="lines-heading" class="mb-2 text-xl font-semibold">"Items"</h2>
            <ul>
                {order.lines.into_iter().map(|l| view! {
                    <li class="flex justify-between border-b border-stone-100 py-1">
                        <span>{format!("{} ({}) × {}", l.name, l.unit, l.quantity)}</span>
                        <span>{crate::domain::Paise(l.unit_price.0 * i64::from(l.quantity)).to_string()}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="mt-2 text-right font-bold">"Total " <span data-testid="order-total">{order.total.to_string()}</span></p>
        </section>
        {(!order.refunds.is_empty()).then(|| view! {
            <section aria-labelledby="refunds-heading" class="mb-6 rounded-lg border border-stone-200 bg-white p-4">
                <h2 id="refunds-heading" class="mb-2 text-xl font-semibold">"Refunds"</h2>
                <ul data-testid="refunds">
                    {order.refunds.iter().map(|r| view! {
                        <li class="py-1">{format!("{} · {} · {}", r.at, r.amount, refund_status_label(&r.status))}</li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="timeline-heading" class="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="timeline-heading" class="mb-2 text-xl font-semibold">"Timeline"</h2>
            <ol data-testid="timeline">
                {order.timeline.into_iter().map(|e| view! {
                    <li class="py-1"><span class="text-stone-500">{e.at}</span> " · " {status_label(&e.status)}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn PayByUpi(
    intent: String,
    qr: String,
    total: String,
    reference: String,
    /// The order link's key, sent with the UTR so any device can report it.
    link_key: String,
) -> impl IntoView {
    let action = ServerAction::<SubmitUtr>::new();
    let error = last_error(action);
    view! {
        <section aria-labelledby="pay-heading" class="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="pay-heading" class="mb-2 text-xl font-semibold">{format!("Pay {total} by UPI")}</h2>
            <div class="flex flex-wrap items-start gap-6">
                <div>
                    <a href=intent.clone() data-testid="upi-link" class="inline-block rounded bg-teal-700 px-5 py-3 font-semibold text-white hover:bg-teal-800">
                        "Pay with a UPI app"
                    </a>
                    <p class="mt-2 max-w-xs text-sm text-stone-600">"On another phone? Scan this code with any UPI app."</p>
                </div>
                <div role="img" aria-label=format!("QR code to pay {total} for order {reference}") data-testid="upi-qr" data-payload=intent class="h-56 w-56 bg-white p-2" inner_html=qr></div>
            </div>
            <h3 class="mb-2 mt-4 font-semibold">"Paid? Tell us the UTR"</h3>
            <FormAlert error />
            <ActionForm action attr:novalidate=true attr:class="max-w-sm">
                <input type="hidden" name="reference" value=reference />
                <input type="hidden" name="key" value=link_key />
                <Field label="UTR (12 digits)" name="utr" input_type="text" hint="Your UPI app shows it after paying." error />
                <SubmitButton label="Send payment reference" pending=action.pending().into() />
            </ActionForm>
        </section>
    }
}

#[component]
fn PayOnlineSection(
    pay: Option<PayOnline>,
    total: crate::domain::Paise,
    reference: String,
    link_key: String,
) -> impl IntoView {
    let body = match pay {
        Some(pay) if pay.link_url.is_some() || pay.gateway_order_id.is_some() => {
            let options = pay.gateway_order_id.clone().map(|order_id| CheckoutOptions {
                key: pay.key_id.clone(),
                order_id,
                amount: total.0,
                name: pay.business_name.clone(),
                description: format!("Order {reference}"),
                email: pay.email.clone(),
                contact: pay.mobile.clone(),
                script: pay.checkout_js.clone(),
            });
            view! {
                <RazorpayCheckout
                    options
                    link_url=pay.link_url.unwrap_or_default()
                    label=format!("Pay {total} online")
                    reference
                    link_key
                />
                <p class="mt-2 text-sm text-stone-600">"UPI, cards and netbanking, through Razorpay. This page shows the payment as soon as it is made."</p>
            }
            .into_any()
        }
        _ => view! {
            <p role="status" data-testid="pay-online-unavailable">
                "Online payment cannot be reached just now. Reload this page in a minute; your order and its items are kept meanwhile."
            </p>
        }
        .into_any(),
    };
    view! {
        <section aria-labelledby="pay-online-heading" class="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="pay-online-heading" class="mb-2 text-xl font-semibold">{format!("Pay {total} online")}</h2>
            {body}
        </section>
    }
}
