//! A price including GST, with the MRP struck through and the saving.

use crate::domain::Paise;
use leptos::prelude::*;

#[component]
pub fn Price(price: Paise, mrp: Paise, #[prop(optional)] large: bool) -> impl IntoView {
    let off = price.percent_off(mrp);
    let size = if large { "text-3xl" } else { "text-lg" };
    view! {
        <p class="flex flex-wrap items-baseline gap-x-2">
            <span class=format!("{size} font-bold text-stone-900") data-testid="price">{price.to_string()}</span>
            {(off > 0).then(|| view! {
                <span class="text-sm text-stone-500">
                    <span class="sr-only">"MRP "</span>
                    <s data-testid="mrp">{mrp.to_string()}</s>
                </span>
                <span class="text-sm font-semibold text-green-700">{format!("{off}% off")}</span>
            })}
        </p>
    }
}
