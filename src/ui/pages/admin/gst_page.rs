//! `/admin/gst?month=YYYY-MM`: the month's invoice totals and the CSV files
//! for the GST return (sales register, B2B, B2C, HSN summary).

use crate::{
    api::admin::gst::{load_gst_month, GstMonth},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, SMALL_BUTTON},
    },
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn GstPage() -> impl IntoView {
    let query = use_query_map();
    let month = move || query.with(|q| q.get("month").unwrap_or_default());
    let data = Resource::new(month, load_gst_month);
    view! {
        <AdminFrame title="GST returns">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <Month data /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/gst" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Month(data: GstMonth) -> impl IntoView {
    let month = data.month.clone();
    let file = move |report: &str| format!("/admin/gst/{report}.csv?month={month}");
    view! {
        <Form method="GET" action="/admin/gst" attr:class="mb-4 flex flex-wrap items-end gap-2">
            <div>
                <label for="month" class="block text-sm font-medium">"Month"</label>
                <input id="month" name="month" type="month" value=data.month.clone() class="rounded border border-stone-300 px-3 py-2" />
            </div>
            <button type="submit" class=SMALL_BUTTON>"Show"</button>
        </Form>
        <Panel heading="Invoices issued">
            <dl class="grid max-w-md grid-cols-2 gap-x-4 gap-y-1" data-testid="gst-totals">
                <dt>"Invoices"</dt><dd class="text-right" data-testid="gst-invoices">{data.invoices}</dd>
                <dt>"Taxable value"</dt><dd class="text-right" data-testid="gst-taxable">{data.taxable.to_string()}</dd>
                <dt>"CGST"</dt><dd class="text-right">{data.cgst.to_string()}</dd>
                <dt>"SGST"</dt><dd class="text-right">{data.sgst.to_string()}</dd>
                <dt>"IGST"</dt><dd class="text-right">{data.igst.to_string()}</dd>
                <dt class="font-semibold">"Invoice value"</dt><dd class="text-right font-semibold">{data.payable.to_string()}</dd>
            </dl>
        </Panel>
        <Panel heading="Files for the return">
            <ul class="flex flex-wrap gap-3">
                <li><a class=SMALL_BUTTON href=file("sales-register") rel="external" download="">"Sales register (CSV)"</a></li>
                <li><a class=SMALL_BUTTON href=file("b2b") rel="external" download="">"B2B: buyers with a GSTIN (CSV)"</a></li>
                <li><a class=SMALL_BUTTON href=file("b2c") rel="external" download="">"B2C by place of supply (CSV)"</a></li>
                <li><a class=SMALL_BUTTON href=file("hsn") rel="external" download="">"HSN summary (CSV)"</a></li>
            </ul>
        </Panel>
    }
}
