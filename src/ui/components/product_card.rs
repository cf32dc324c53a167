//! A product in a grid: picture, name, size, price and stock, linking to its page.

use crate::{
    domain::ProductCard as Card,
    ui::{components::price::Price, islands::stock_badge::StockBadge},
};
use leptos::prelude::*;

#[component]
pub fn ProductCard(product: Card) -> impl IntoView {
    let href = format!("/p/{}", product.slug);
    view! {
        <li class="flex flex-col rounded-lg border border-stone-200 bg-white p-3 shadow-sm" data-testid="product-card">
            <a href=href.clone() class="block">
                <img
                    src=crate::domain::image_url(&product.image, 400)
                    alt=product.image_alt
                    width="400"
                    height="400"
                    loading="lazy"
                    class="aspect-square w-full rounded bg-stone-100 object-cover"
                />
            </a>
            <p class="mt-2 text-xs uppercase tracking-wide text-stone-500">{product.brand}</p>
            <h3 class="font-semibold leading-snug">
                <a href=href class="hover:underline">{product.name}</a>
            </h3>
            <p class="text-sm text-stone-600">{product.unit}</p>
            <div class="mt-auto pt-2">
                <Price price=product.price mrp=product.mrp />
                <StockBadge product_id=product.id stock=product.stock />
            </div>
        </li>
    }
}

#[component]
pub fn ProductGrid(products: Vec<Card>) -> impl IntoView {
    view! {
        <ul class="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
        </ul>
    }
}
