//! "In stock", "Only 3 left" or "Out of stock".

use crate::domain::StockLevel;
use leptos::prelude::*;

#[component]
pub fn StockBadge(level: StockLevel) -> impl IntoView {
    let class = match level {
        StockLevel::InStock => "bg-green-100 text-green-800",
        StockLevel::Low(_) => "bg-amber-100 text-amber-900",
        StockLevel::Out => "bg-stone-200 text-stone-700",
    };
    view! {
        <span class=format!("inline-block rounded-full px-2 py-0.5 text-xs font-semibold {class}") data-testid="stock-badge">
            {level.label()}
        </span>
    }
}
