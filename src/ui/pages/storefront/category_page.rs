//! `/c/{slug}`: a category's products with filters, sorting and pages, all in
//! the URL. The filter form is a plain GET form, so it works without JavaScript.

use crate::{
    api::catalog::{load_category, CategoryPage as Page},
    domain::{AppError, Listing, Sort, PAGE_SIZE},
    ui::{
        components::{
            access::Refused, breadcrumbs::Breadcrumbs, product_card::ProductGrid, seo::SocialTags,
        },
        pages::not_found_page::NotFoundPage,
    },
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

fn current_listing() -> Listing {
    let query = use_query_map();
    query.with(|q| Listing::from_params(|name| q.get(name)))
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let slug = params.with(|p| p.get("slug")).unwrap_or_default();
            let listing = query.with(|q| Listing::from_params(|name| q.get(name)));
            (slug, listing)
        },
        |(slug, listing)| load_category(slug, listing),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Category page listing=current_listing() /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/" /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Category(page: Page, listing: Listing) -> impl IntoView {
    let base = format!("/c/{}", page.slug);
    let pages = ((page.total.shown + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let count = crate::ui::components::counts::matching(page.total);
    let page_note = if listing.page > 1 {
        format!(" – page {}", listing.page)
    } else {
        String::new()
    };
    let filter_note = listing
        .brand
        .as_ref()
        .map(|b| format!(" – {b}"))
        .unwrap_or_default();
    let title = format!("{}{filter_note}{page_note}", page.name);
    let description = format!(
        "{} {} at your neighbourhood store. Prices include GST.",
        page.description, count
    );
    let canonical = format!("{base}{}", listing.canonical_query());
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <SocialTags title=title description canonical image="/favicon.svg" />
        <Breadcrumbs trail=vec![("Home".into(), "/".into()), (page.name.clone(), base.clone())] />
        <h1 class="mb-1 text-3xl font-bold tracking-tight">{page.name.clone()}</h1>
        <p class="mb-6 text-stone-600">{page.description.clone()}</p>
        <div class="grid gap-6 md:grid-cols-[16rem_1fr]">
            <Filters action=base.clone() brands=page.brands listing=listing.clone() />
            <section aria-labelledby="products-heading">
                <h2 id="products-heading" class="mb-3 text-lg font-semibold" data-testid="result-count">
                    {count}
                </h2>
                {if page.products.is_empty() {
                    view! { <p>"No products match these filters. Try removing one."</p> }.into_any()
                } else {
                    view! { <ProductGrid products=page.products /> }.into_any()
                }}
                <Pagination base listing pages more=page.total.more />
            </section>
        </div>
    }
}

const INPUT: &str = "w-full rounded border border-stone-300 bg-white px-2 py-1.5";

#[component]
fn Filters(action: String, brands: Vec<(String, i64)>, listing: Listing) -> impl IntoView {
    let chosen_brand = listing.brand.clone().unwrap_or_default();
    view! {
        <form action=action method="get" class="h-fit rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="filters-heading">
            <h2 id="filters-heading" class="mb-3 text-lg font-semibold">"Filter and sort"</h2>
            <label for="brand" class="mb-1 block text-sm font-medium">"Brand"</label>
            <select id="brand" name="brand" class=INPUT>
                <option value="" selected=chosen_brand.is_empty()>"All brands"</option>
                {brands.into_iter().map(|(brand, count)| {
                    let selected = brand == chosen_brand;
                    view! { <option value=brand.clone() selected=selected>{format!("{brand} ({count})")}</option> }
                }).collect_view()}
            </select>
            <fieldset class="mt-3">
                <legend class="mb-1 text-sm font-medium">"Price (₹)"</legend>
                <div class="flex items-center gap-2">
                    <label for="min" class="sr-only">"Minimum price in rupees"</label>
                    <input id="min" name="min" type="number" min="0" inputmode="numeric" placeholder="Min" value=listing.min_rupees.map(|v| v.to_string()) class=INPUT />
                    <span aria-hidden="true">"–"</span>
                    <label for="max" class="sr-only">"Maximum price in rupees"</label>
                    <input id="max" name="max" type="number" min="0" inputmode="numeric" placeholder="Max" value=listing.max_rupees.map(|v| v.to_string()) class=INPUT />
                </div>
            </fieldset>
            <label class="mt-3 flex items-center gap-2 text-sm">
                <input type="checkbox" name="in_stock" value="1" checked=listing.in_stock_only />
                "In stock only"
            </label>
            <label for="sort" class="mb-1 mt-3 block text-sm font-medium">"Sort by"</label>
            <select id="sort" name="sort" class=INPUT>
                {Sort::ALL.into_iter().map(|sort| view! {
                    <option value=sort.param() selected=sort == listing.sort>{sort.label()}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="mt-4 w-full rounded bg-teal-700 px-3 py-2 font-semibold text-white hover:bg-teal-800">"Apply"</button>
        </form>
    }
}

/// Links to the first page, the pages near this one and the last (when it
/// is known), so that a category of 10,000 products does not list 834.
#[component]
fn Pagination(base: String, listing: Listing, pages: i64, more: bool) -> impl IntoView {
    (pages > 1 || more).then(|| {
        let current = listing.page;
        let link = move |page: i64| format!("{base}{}", listing.with_page(page).query_string());
        let near = (current - 2).max(1)..=(current + 2).min(pages);
        let mut shown: Vec<i64> = std::iter::once(1).chain(near).collect();
        if !more {
            shown.push(pages);
        }
        shown.dedup();
        let mut items = Vec::new();
        let mut previous = 0;
        for p in shown {
            if p > previous + 1 {
                items.push(view! { <span aria-hidden="true" class="px-1 text-stone-500">"…"</span> }.into_any());
            }
            previous = p;
            items.push(if p == current {
                view! { <span aria-current="page" class="rounded bg-teal-700 px-3 py-1.5 text-white">{p}</span> }.into_any()
            } else {
                view! { <a href=link(p) class="rounded border px-3 py-1.5" aria-label=format!("Page {p}")>{p}</a> }.into_any()
            });
        }
        view! {
            <nav aria-label="Pages" class="mt-6 flex flex-wrap items-center gap-2">
                {(current > 1).then(|| view! { <a rel="prev" href=link(current - 1) class="rounded border px-3 py-1.5">"Previous"</a> })}
                {items}
                {(current < pages || more).then(|| view! { <a rel="next" href=link(current + 1) class="rounded border px-3 py-1.5">"Next"</a> })}
            </nav>
        }
    })
}
