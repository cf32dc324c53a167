//! `/admin/receiving`: record a supplier's delivery into batches (a goods
//! receipt) and see the latest deliveries. `?lines=N` shows more lines.

use crate::{
    api::admin::receiving::{load_receiving, ReceiveGoods, ReceivingPage},
    domain::{AppError, BatchProductChoice},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON, TABLE},
        form::{last_error, Field, FormAlert, SelectField},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const DEFAULT_LINES: usize = 5;
const MAX_LINES: usize = 50;

#[component]
pub fn ReceivingPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_receiving());
    let query = use_query_map();
    let received = query.with_untracked(|q| q.get("received").is_some());
    let lines = query.with_untracked(|q| {
        q.get("lines")
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(DEFAULT_LINES)
            .clamp(1, MAX_LINES)
    });
    view! {
        <AdminFrame title="Goods received">
            {received.then(|| view! { <Notice>"Delivery received: the batches are in stock."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <Receiving data lines /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/receiving" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Receiving(data: ReceivingPage, lines: usize) -> impl IntoView {
    view! {
        {data.can_receive.then(|| view! { <ReceiptForm products=data.products.clone() lines /> })}
        <Panel heading="Latest deliveries">
            {data.recent.is_empty().then(|| view! { <p class="text-stone-600">"No deliveries recorded yet."</p> })}
            <table class=TABLE data-testid="receipts">
                <thead><tr><th scope="col">"Received"</th><th scope="col">"Supplier"</th><th scope="col">"Invoice"</th><th scope="col">"Invoice date"</th><th scope="col" class="text-right">"Lines"</th><th scope="col" class="text-right">"Units"</th><th scope="col" class="text-right">"Cost"</th></tr></thead>
                <tbody>
                    {data.recent.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.received_at}</td>
                            <td>{r.supplier}</td>
                            <td>{r.invoice_number}</td>
                            <td>{r.invoice_date}</td>
                            <td class="text-right">{r.lines}</td>
                            <td class="text-right">{r.units}</td>
                            <td class="text-right">{r.cost.to_string()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Panel>
    }
}

/// How many line rows to show: what was asked for, or as many as the
/// refused form had, so that nothing typed is lost.
fn rows_needed(error: Option<&AppError>, asked: usize) -> usize {
    let posted = error
        .and_then(AppError::form_errors)
        .map(|form| {
            form.values
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .filter_map(|(name, _)| {
                    name.strip_prefix("lines[")?
                        .split(']')
                        .next()?
                        .parse::<usize>()
                        .ok()
                })
                .map(|i| i + 1)
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    asked.max(posted).min(MAX_LINES)
}

#[component]
fn ReceiptForm(products: Vec<BatchProductChoice>, lines: usize) -> impl IntoView {
    let action = ServerAction::<ReceiveGoods>::new();
    let error = last_error(action);
    let rows = rows_needed(error.get_untracked().as_ref(), lines);
    let choices: Vec<(String, String)> = std::iter::once((String::new(), "Choose…".to_string()))
        .chain(products.into_iter().map(|p| (p.id.to_string(), p.label)))
        .collect();
    let more = format!("/admin/receiving?lines={}", (rows + 5).min(MAX_LINES));
    view! {
        <Panel heading="Receive a delivery">
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <div class="grid gap-x-4 md:grid-cols-4">
                    <Field label="Supplier" name="supplier" error required=true />
                    <Field label="Supplier's GSTIN" name="gstin" error hint="Optional; checked when given." />
                    <Field label="Invoice number" name="invoice_number" error required=true />
                    <Field label="Invoice date" name="invoice_date" error input_type="date" required=true />
                </div>
                {(0..rows).map(|i| view! {
                    <fieldset class="mb-2 rounded border border-stone-200 px-3 pt-2" data-testid="receipt-line">
                        <legend class="px-1 text-sm font-semibold">{format!("Line {}", i + 1)}</legend>
                        <div class="grid gap-x-3 md:grid-cols-6">
                            <SelectField label="Product" name=format!("lines[{i}][product_id]") error options=choices.clone() />
                            <Field label="Batch number" name=format!("lines[{i}][batch_no]") error />
                            <Field label="Expiry" name=format!("lines[{i}][expires_on]") error hint="2027-03 or 2027-03-31" />
                            <Field label="Units" name=format!("lines[{i}][quantity]") error />
                            <Field label="Cost per unit (₹)" name=format!("lines[{i}][cost]") error />
                            <Field label="MRP (₹)" name=format!("lines[{i}][mrp]") error />
                        </div>
                    </fieldset>
                }).collect_view()}
                <div class="mt-3 flex flex-wrap items-center gap-3">
                    <button type="submit" class=BUTTON disabled=move || action.pending().get()>"Receive delivery"</button>
                    {(rows < MAX_LINES).then(|| view! { <a class=SMALL_BUTTON href=more>"More lines"</a> })}
                </div>
            </ActionForm>
        </Panel>
    }
}
