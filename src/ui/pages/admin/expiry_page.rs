//! `/admin/expiry`: batches that have expired (off sale, still on the
//! shelf until written off) and those inside the near-expiry window, each
//! linked to its product's batches to act on.

use crate::{
    api::admin::receiving::{expiry_report, load_stock_alerts},
    domain::{ExpiryState, StockAlertCounts},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, TABLE},
    },
};
use leptos::prelude::*;

#[component]
pub fn ExpiryPage() -> impl IntoView {
    let report = Resource::new(
        || (),
        |_| async {
            Ok::<_, crate::domain::AppError>((expiry_report().await?, load_stock_alerts().await?))
        },
    );
    view! {
        <AdminFrame title="Expiry and stock alerts">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match report.await {
                        Ok((batches, counts)) => view! { <Counts counts /> <Batches batches /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/expiry" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Counts(counts: StockAlertCounts) -> impl IntoView {
    view! {
        <ul class="mb-6 grid gap-3 sm:grid-cols-3" data-testid="alert-counts">
            <li class="rounded-lg border border-red-200 bg-red-50 p-4">
                <span class="block text-3xl font-bold" data-testid="expired-count">{counts.expired}</span>
                "batches expired, still on the shelf"
            </li>
            <li class="rounded-lg border border-amber-200 bg-amber-50 p-4">
                <span class="block text-3xl font-bold" data-testid="near-expiry-count">{counts.near_expiry}</span>
                "batches expiring soon"
            </li>
            <li class="rounded-lg border border-stone-200 bg-white p-4">
                <a class="underline" href="/admin/products?low=1">
                    <span class="block text-3xl font-bold" data-testid="low-stock-count">{counts.low_stock}</span>
                    "products low on stock"
                </a>
            </li>
        </ul>
    }
}

#[component]
fn Batches(batches: Vec<crate::domain::ExpiringBatch>) -> impl IntoView {
    view! {
        <Panel heading="Batches to act on">
            {batches.is_empty().then(|| view! { <p class="text-stone-600">"Nothing expired or expiring soon."</p> })}
            <table class=TABLE data-testid="expiring-batches">
                <thead><tr><th scope="col">"Product"</th><th scope="col">"Batch"</th><th scope="col">"Expiry"</th><th scope="col">"State"</th><th scope="col" class="text-right">"Units"</th><th scope="col" class="text-right">"Cost"</th></tr></thead>
                <tbody>
                    {batches.into_iter().map(|b| {
                        let when = match b.batch.state {
                            ExpiryState::Expired => format!("Expired {} days ago", -b.days_left),
                            _ => format!("{} days left", b.days_left),
                        };
                        view! {
                            <tr>
                                <td><a class="underline" href=format!("/admin/products/{}#batches", b.product_id)>{b.product}</a>" "<span class="text-stone-500">{b.sku}</span></td>
                                <td>{b.batch.batch_no}</td>
                                <td>{b.batch.expires}</td>
                                <td>{b.batch.state.label()}" · "{when}</td>
                                <td class="text-right">{b.batch.quantity}</td>
                                <td class="text-right">{b.batch.cost.to_string()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </Panel>
    }
}
