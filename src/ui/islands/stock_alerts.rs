//! The staff header's stock alerts (batches expired and expiring soon,
//! products low on stock), re-read whenever the page hears a stock change,
//! so a delivery received on another instance shows within a moment.

use crate::ui::islands::live_stock::changes_heard;
use crate::{api::admin::receiving::load_stock_alerts, domain::StockAlertCounts};
use leptos::prelude::*;

#[island]
pub fn StockAlerts(counts: StockAlertCounts) -> impl IntoView {
    let counts = RwSignal::new(counts);
    let heard = changes_heard();
    Effect::new(move |previous: Option<u64>| {
        let now = heard.get();
        if previous.is_some_and(|p| p != now) {
            leptos::task::spawn_local(async move {
                if let Ok(latest) = load_stock_alerts().await {
                    counts.set(latest);
                }
            });
        }
        now
    });
    view! {
        <a href="/admin/expiry" class="mb-4 flex flex-wrap gap-2 text-sm" data-testid="stock-alerts" aria-live="polite">
            <span class="rounded-full bg-red-100 px-2 py-0.5 text-red-800">
                <span data-testid="alert-expired">{move || counts.get().expired}</span>" expired"
            </span>
            <span class="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900">
                <span data-testid="alert-near-expiry">{move || counts.get().near_expiry}</span>" expiring soon"
            </span>
            <span class="rounded-full bg-stone-200 px-2 py-0.5 text-stone-800">
                <span data-testid="alert-low-stock">{move || counts.get().low_stock}</span>" low on stock"
            </span>
        </a>
    }
}
