//! `/`: the storefront's front page: categories, featured products, bestsellers.

use crate::{
    api::catalog::{load_home, HomeData},
    ui::components::{access::Refused, product_card::ProductGrid, seo::SocialTags},
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

const TITLE: &str = "Your neighbourhood store, online";
const DESCRIPTION: &str =
    "Groceries, household and health essentials from your neighbourhood store, paid by UPI or in cash at pickup. Prices include GST.";

#[component]
pub fn HomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_home());
    view! {
        <Title text=TITLE />
        <Meta name="description" content=DESCRIPTION />
        <SocialTags title=TITLE description=DESCRIPTION canonical="/" image="/favicon.svg" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(home) => view! { <Home home /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Home(home: HomeData) -> impl IntoView {
    view! {
        <section class="mb-10 rounded-2xl bg-gradient-to-br from-teal-700 to-teal-900 px-6 py-10 text-white">
            <div class="max-w-2xl">
                <h1 class="mb-2 text-3xl font-bold tracking-tight">{home.hero_title}</h1>
                <p class="text-lg text-teal-50">{home.hero_text}</p>
            </div>
        </section>
        <section aria-labelledby="categories-heading" class="mb-10">
            <h2 id="categories-heading" class="mb-4 text-2xl font-bold">"Shop by category"</h2>
            <ul class="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
                {home.categories.into_iter().map(|c| view! {
                    <li>
                        <a href=format!("/c/{}", c.slug) class="block h-full rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-teal-600">
                            <h3 class="font-semibold">{c.name}</h3>
                            <p class="text-sm text-stone-600">{crate::ui::components::counts::products(c.product_count)}</p>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="featured-heading" class="mb-10">
            <h2 id="featured-heading" class="mb-4 text-2xl font-bold">"Featured"</h2>
            <ProductGrid products=home.featured />
        </section>
        <section aria-labelledby="bestsellers-heading">
            <h2 id="bestsellers-heading" class="mb-4 text-2xl font-bold">"Bestsellers"</h2>
            <ProductGrid products=home.bestsellers />
        </section>
    }
}
