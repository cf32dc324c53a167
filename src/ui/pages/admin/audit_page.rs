//! `/admin/audit`: who changed what, when, with the values before and after.

use crate::{
    api::admin::audit::audit_log,
    domain::AuditView,
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, BUTTON, TABLE},
    },
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.with(|q| q.get("q").unwrap_or_default());
    let rows = Resource::new(q, audit_log);
    view! {
        <AdminFrame title="Audit log">
            <Form method="GET" action="/admin/audit" attr:class="mb-4 flex flex-wrap items-end gap-2" attr:role="search">
                <div>
                    <label for="q" class="block text-sm font-medium">"Search who, what or values"</label>
                    <input id="q" name="q" type="search" value=q class="rounded border border-stone-300 px-3 py-2" />
                </div>
                <button type="submit" class=BUTTON>"Search"</button>
            </Form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! {
                            <table class=TABLE data-testid="audit-log">
                                <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"What changed"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|AuditView { entry: e, changes }| view! {
                                        <tr class="align-top">
                                            <td class="whitespace-nowrap">{e.at}</td>
                                            <td>{e.actor}</td>
                                            <td>{action_label(&e.action)} " " <span class="text-stone-500">{format!("({} #{})", e.entity, e.entity_id)}</span></td>
                                            <td>
                                                <ul data-testid="audit-changes">
                                                    {changes.into_iter().map(|c| view! {
                                                        <li><span class="font-medium">{c.field}</span>": " {c.before} " → " {c.after}</li>
                                                    }).collect_view()}
                                                </ul>
                                                <details class="mt-1 text-xs">
                                                    <summary class="cursor-pointer text-stone-500">"Full records"</summary>
                                                    <p class="mt-1">"Before:"</p>
                                                    <code class="break-all">{e.before.unwrap_or_else(|| "—".into())}</code>
                                                    <p class="mt-1">"After:"</p>
                                                    <code class="break-all">{e.after.unwrap_or_else(|| "—".into())}</code>
                                                </details>
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/audit" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

/// What an audited action did, in words (the stored action name otherwise).
fn action_label(action: &str) -> String {
    let label = match action {
        "category.created" => "Category created",
        "category.updated" => "Category changed",
        "home.updated" => "Home page changed",
        "menu.link_added" => "Menu link added",
        "order.refund" => "Order refunded",
        "order.status" => "Order status changed",
        "page.created" => "Page created",
        "page.restored" => "Page revision restored",
        "page.updated" => "Page changed",
        "partner.approved" => "Partner approved",
        "partner.rate" => "Partner rate changed",
        "partner.rejected" => "Partner application rejected",
        "payout.paid" => "Payout marked paid",
        "payouts.generated" => "Payout statements generated",
        "product.created" => "Product created",
        "product.image_added" => "Product photo added",
        "product.image_alt" => "Product photo text changed",
        "product.updated" => "Product changed",
        "settings.logo" => "Logo changed",
        "settings.programme" => "Partner programme terms changed",
        "settings.razorpay" => "Online payment settings changed",
        "settings.updated" => "Settings changed",
        "stock.adjusted" => "Stock adjusted",
        "user.updated" => "User changed",
        other => return other.to_string(),
    };
    label.to_string()
}
