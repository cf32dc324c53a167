//! "In stock", "Only 3 left" or "Out of stock", kept live in the browser.

use crate::{domain::StockLevel, ui::islands::live_stock::live_stock};
use leptos::prelude::*;

#[island]
pub fn StockBadge(product_id: i32, stock: i32) -> impl IntoView {
    let stock = live_stock(product_id, stock);
    let level = move || StockLevel::of(stock.get());
    let class = move || {
        let colours = match level() {
            StockLevel::InStock => "bg-green-100 text-green-800",
            StockLevel::Low(_) => "bg-amber-100 text-amber-900",
            StockLevel::Out => "bg-stone-200 text-stone-700",
        };
        format!("inline-block rounded-full px-2 py-0.5 text-xs font-semibold {colours}")
    };
    view! {
        <span class=class data-testid="stock-badge" aria-live="polite">
            {move || level().label()}
        </span>
    }
}
