//! `/search?q=…`: products matching the words, forgiving typos. An empty or
//! fruitless search gets suggestions, never an error.

use crate::{
    api::catalog::{search, SearchResults, SEARCH_PAGE_SIZE},
    domain::encode,
    ui::components::{access::Refused, product_card::ProductGrid},
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            query.with(|q| {
                let page = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
                (q.get("q").unwrap_or_default(), page)
            })
        },
        |(q, page)| search(q, page),
    );
    view! {
        // Result pages are for people, not for search engines' indexes.
        <Meta name="robots" content="noindex, follow" />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(results) => view! { <Results results /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/" /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Results(results: SearchResults) -> impl IntoView {
    let heading = if results.query.is_empty() {
        "Search".to_string()
    } else {
        format!("Results for “{}”", results.query)
    };
    let page = use_query_map()
        .with_untracked(|q| q.get("page").and_then(|p| p.parse::<i64>().ok()))
        .unwrap_or(1);
    let more = results.total.shown > page * SEARCH_PAGE_SIZE;
    let next = format!("/search?q={}&page={}", encode(&results.query), page + 1);
    view! {
        <Title text=heading.clone() />
        <Meta name="description" content="Search the shop's products by name, brand or category." />
        <h1 class="mb-4 text-3xl font-bold tracking-tight">{heading}</h1>
        {if results.products.is_empty() {
            view! { <NothingFound results /> }.into_any()
        } else {
            view! {
                <h2 class="mb-3 text-lg font-semibold" data-testid="result-count">
                    {crate::ui::components::counts::matching(results.total)}
                </h2>
                <ProductGrid products=results.products />
                {more.then(|| view! { <a rel="next" href=next class="mt-6 inline-block rounded border px-3 py-1.5">"More results"</a> })}
            }
            .into_any()
        }}
    }
}

#[component]
fn NothingFound(results: SearchResults) -> impl IntoView {
    let message = if results.query.is_empty() {
        "Type what you are looking for in the search box, or browse a category.".to_string()
    } else {
        format!("We could not find anything for “{}”. Check the spelling, try fewer words, or browse a category.", results.query)
    };
    view! {
        <p class="mb-6" data-testid="no-results">{message}</p>
        <h2 class="mb-3 text-xl font-semibold">"Categories"</h2>
        <ul class="mb-8 flex flex-wrap gap-2">
            {results.categories.into_iter().map(|c| view! {
                <li><a href=format!("/c/{}", c.slug) class="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 hover:border-teal-600">{c.name}</a></li>
            }).collect_view()}
        </ul>
        <h2 class="mb-3 text-xl font-semibold">"Popular right now"</h2>
        <ProductGrid products=results.bestsellers />
    }
}
