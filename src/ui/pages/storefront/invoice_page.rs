//! `/orders/{reference}/invoice`: the order's GST tax invoice, laid out to
//! print on A4 (every field rule 46 asks for), for the customer (with the
//! order's link key or account) and for staff.

use crate::{
    api::invoices::load_invoice,
    domain::{InvoiceView, Paise},
    ui::components::page_header::PageHeader,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn InvoicePage() -> impl IntoView {
    let params = use_params_map();
    let key = use_query_map()
        .with_untracked(|q| q.get("key"))
        .unwrap_or_default();
    let invoice = Resource::new(
        move || params.with(|p| p.get("reference").unwrap_or_default()),
        move |reference| load_invoice(reference, key.clone()),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match invoice.await {
                    Ok(invoice) => view! { <Invoice invoice /> }.into_any(),
                    Err(_) => view! {
                        <PageHeader title="Invoice not found" description="There is no invoice at this address yet: orders get one when they are paid or collected." />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn money(p: Paise) -> String {
    p.grouped()
}

#[component]
fn Invoice(invoice: InvoiceView) -> impl IntoView {
    let supplier_state = InvoiceView::state_with_code(
        &invoice.supplier_state,
        invoice.supplier_state_code.as_deref(),
    );
    let place_of_supply = InvoiceView::state_with_code(
        &invoice.place_of_supply,
        invoice.place_of_supply_code.as_deref(),
    );
    let inter = invoice.inter_state;
    let cell = "border border-stone-300 px-2 py-1";
    let num = "border border-stone-300 px-2 py-1 text-right";
    view! {
        <Title text=format!("Tax invoice {}", invoice.number) />
        <article class="mx-auto max-w-4xl bg-white p-6 text-sm print:p-0" data-testid="invoice">
            <header class="mb-4 flex flex-wrap justify-between gap-4 border-b border-stone-300 pb-3">
                <div>
                    <h1 class="text-2xl font-bold">"Tax invoice"</h1>
                    <p>"Invoice number: " <strong data-testid="invoice-number">{invoice.number.clone()}</strong></p>
                    <p>"Date: " <span data-testid="invoice-date">{invoice.issued_on.clone()}</span></p>
                    <p>"Order: " {invoice.order_reference.clone()}</p>
                </div>
                <div data-testid="supplier">
                    <p class="font-semibold">{invoice.supplier_name.clone()}</p>
                    <p class="whitespace-pre-line">{invoice.supplier_address.clone()}</p>
                    <p>"GSTIN: " {invoice.supplier_gstin.clone().unwrap_or_else(|| "not registered".into())}</p>
                    <p>"State: " {supplier_state}</p>
                </div>
            </header>
            <section class="mb-4 grid gap-4 sm:grid-cols-2">
                <div data-testid="recipient">
                    <h2 class="font-semibold">"Bill to"</h2>
                    <p>{invoice.recipient_name.clone()}</p>
                    <p>{invoice.recipient_address.clone()}</p>
                    {invoice.recipient_gstin.clone().map(|g| view! { <p>"GSTIN: " {g}</p> })}
                </div>
                <div>
                    <h2 class="font-semibold">"Place of supply"</h2>
                    <p data-testid="place-of-supply">{place_of_supply}</p>
                    <p>{if inter { "Inter-State supply: IGST" } else { "Intra-State supply: CGST + SGST" }}</p>
                </div>
            </section>
            <table class="mb-4 w-full border-collapse" data-testid="invoice-lines">
                <thead>
                    <tr class="bg-stone-100">
                        <th scope="col" class=cell>"#"</th>
                        <th scope="col" class=cell>"Description"</th>
                        <th scope="col" class=cell>"HSN"</th>
                        <th scope="col" class=num>"Qty"</th>
                        <th scope="col" class=num>"Rate incl. GST (₹)"</th>
                        <th scope="col" class=num>"Taxable value (₹)"</th>
                        <th scope="col" class=num>"GST %"</th>
                        {if inter {
                            view! { <th scope="col" class=num>"IGST (₹)"</th> }.into_any()
                        } else {
                            view! { <th scope="col" class=num>"CGST (₹)"</th><th scope="col" class=num>"SGST (₹)"</th> }.into_any()
                        }}
                    </tr>
                </thead>
                <tbody>
                    {invoice.lines.iter().map(|l| view! {
                        <tr>
                            <td class=cell>{l.line_no}</td>
                            <td class=cell>{l.description.clone()}</td>
                            <td class=cell>{l.hsn.clone()}</td>
                            <td class=num>{format!("{} {}", l.quantity, l.unit)}</td>
                            <td class=num>{money(l.unit_price)}</td>
                            <td class=num>{money(l.taxable)}</td>
                            <td class=num>{l.rate}</td>
                            {if inter {
                                view! { <td class=num>{money(l.igst)}</td> }.into_any()
                            } else {
                                view! { <td class=num>{money(l.cgst)}</td><td class=num>{money(l.sgst)}</td> }.into_any()
                            }}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <dl class="ml-auto grid max-w-xs grid-cols-2 gap-x-4 gap-y-1" data-testid="invoice-totals">
                <dt>"Taxable value"</dt><dd class="text-right">{invoice.taxable.to_string()}</dd>
                {if inter {
                    view! { <dt>"IGST"</dt><dd class="text-right" data-testid="igst">{invoice.igst.to_string()}</dd> }.into_any()
                } else {
                    view! {
                        <dt>"CGST"</dt><dd class="text-right" data-testid="cgst">{invoice.cgst.to_string()}</dd>
                        <dt>"SGST"</dt><dd class="text-right" data-testid="sgst">{invoice.sgst.to_string()}</dd>
                    }.into_any()
                }}
                <dt>"Total"</dt><dd class="text-right">{invoice.total.to_string()}</dd>
                <dt>"Rounded off"</dt><dd class="text-right">{invoice.round_off.to_string()}</dd>
                <dt class="font-bold">"Amount payable"</dt><dd class="text-right font-bold" data-testid="payable">{invoice.payable.to_string()}</dd>
            </dl>
            <p class="mt-6 text-xs text-stone-600">"Prices include GST. This invoice was issued electronically and cannot be changed; corrections are made by credit note."</p>
        </article>
    }
}
