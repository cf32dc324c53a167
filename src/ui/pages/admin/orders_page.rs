//! `/admin/orders`: orders filtered by status, payment method and date, and
//! online payments flagged for a look (another amount, paid twice or late,
//! or for no order of ours).

use crate::{
    api::admin::{orders::admin_orders, refunds::payment_flags},
    domain::{status_label, AdminOrderRow},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, BUTTON, TABLE},
    },
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

const STATUSES: [&str; 11] = [
    "awaiting_payment",
    "payment_submitted",
    "to_pay_at_pickup",
    "paid",
    "packed",
    "ready_for_pickup",
    "shipped",
    "delivered",
    "returned",
    "cancelled",
    "expired",
];

#[component]
pub fn OrdersPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.with(|q| q.get(name).unwrap_or_default());
    let rows = Resource::new(
        move || {
            (
                param("status"),
                param("payment"),
                param("from"),
                param("to"),
            )
        },
        |(status, payment, from, to)| admin_orders(status, payment, from, to),
    );
    let flags = Resource::new(|| (), |_| payment_flags());
    view! {
        <AdminFrame title="Orders">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let flags = flags.await.unwrap_or_default();
                    (!flags.is_empty()).then(|| view! {
                        <div role="alert" class="mb-4 rounded border border-red-300 bg-red-50 px-4 py-3" data-testid="flagged-payments">
                            <p class="font-semibold">"Online payments to look at"</p>
                            <ul>
                                {flags.into_iter().map(|f| {
                                    let order = f.reference.clone().unwrap_or_else(|| "no order".into());
                                    view! { <li>{format!("{} · {} · {} · {} · {}", f.at, order, f.payment_id, f.amount, f.reason)}</li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                })}
            </Suspense>
            <Form method="GET" action="/admin/orders" attr:class="mb-4 flex flex-wrap items-end gap-2">
                <div>
                    <label for="status" class="block text-sm font-medium">"Status"</label>
                    <select id="status" name="status" class="rounded border border-stone-300 px-3 py-2">
                        <option value="">"Any"</option>
                        {STATUSES.iter().map(|s| view! {
                            <option value=*s selected=move || param("status") == *s>{status_label(s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="payment" class="block text-sm font-medium">"Payment"</label>
                    <select id="payment" name="payment" class="rounded border border-stone-300 px-3 py-2">
                        <option value="">"Any"</option>
                        <option value="upi" selected=move || param("payment") == "upi">"UPI"</option>
                        <option value="razorpay" selected=move || param("payment") == "razorpay">"Online (Razorpay)"</option>
                        <option value="cod" selected=move || param("payment") == "cod">"Cash at pickup"</option>
                    </select>
                </div>
                <div>
                    <label for="from" class="block text-sm font-medium">"From"</label>
                    <input id="from" name="from" type="date" value=move || param("from") class="rounded border border-stone-300 px-3 py-2" />
                </div>
                <div>
                    <label for="to" class="block text-sm font-medium">"To"</label>
                    <input id="to" name="to" type="date" value=move || param("to") class="rounded border border-stone-300 px-3 py-2" />
                </div>
                <button type="submit" class=BUTTON>"Filter"</button>
            </Form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! { <OrderTable rows /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/orders" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn OrderTable(rows: Vec<AdminOrderRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"No orders match."</p> }.into_any();
    }
    view! {
        <table class=TABLE data-testid="admin-orders">
            <thead><tr><th scope="col">"Order"</th><th scope="col">"Placed"</th><th scope="col">"Customer"</th><th scope="col">"Status"</th><th scope="col">"Payment"</th><th scope="col" class="text-right">"Total"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|o| view! {
                    <tr>
                        <td><a class="font-mono text-teal-800 underline" href=format!("/admin/orders/{}", o.reference)>{o.reference.clone()}</a></td>
                        <td>{o.placed_at}</td>
                        <td>{o.customer_name}</td>
                        <td>{status_label(&o.status)}</td>
                        <td>{crate::domain::payment_label(&o.payment_method)}</td>
                        <td class="text-right">{o.total.to_string()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
