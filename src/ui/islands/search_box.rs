//! The header's search form. Without JavaScript it submits to `/search`;
//! in the browser it also suggests products while the shopper types.

use crate::api::catalog::{suggest, Suggestion};
use leptos::prelude::*;

/// `initial`: the shop search being shown (empty on other pages).
#[island]
pub fn SearchBox(initial: String) -> impl IntoView {
    let (typing, set_typing) = signal(false);
    let suggestions = RwSignal::new(Vec::<Suggestion>::new());
    // Answers can arrive out of order; only the latest request's counts.
    let latest = StoredValue::new(0u32);
    let ask = move |query: String| {
        let request = latest.get_value().wrapping_add(1);
        latest.set_value(request);
        if query.trim().chars().count() < 2 {
            suggestions.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            let found = suggest(query).await.unwrap_or_default();
            if latest.get_value() == request {
                suggestions.set(found);
            }
        });
    };
    let showing = move || typing.get() && suggestions.with(|list| !list.is_empty());
    view! {
        <form action="/search" method="get" role="search" class="relative flex w-full max-w-md gap-2 sm:w-auto sm:flex-1">
            <label for="site-search" class="sr-only">"Search products"</label>
            <input
                id="site-search"
                name="q"
                type="search"
                value=initial
                placeholder="Search rice, atta, soap…"
                autocomplete="off"
                // Only while the list exists: an id that points at nothing is
                // invalid ARIA (and Lighthouse says so).
                aria-controls=move || showing().then_some("search-suggestions")
                class="w-full rounded border border-stone-300 bg-white px-3 py-2 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30"
                on:input=move |ev| {
                    set_typing.set(true);
                    ask(event_target_value(&ev));
                }
            />
            <button type="submit" class="rounded bg-stone-800 px-3 py-2 text-white hover:bg-stone-900">"Search"</button>
            {move || {
                let list = suggestions.get();
                (typing.get() && !list.is_empty()).then(|| view! {
                    <ul
                        id="search-suggestions"
                        aria-label="Suggestions"
                        class="absolute left-0 right-0 top-full z-10 mt-1 rounded border border-stone-200 bg-white shadow-lg"
                    >
                        {list.into_iter().map(|p| view! {
                            <li>
                                <a href=format!("/p/{}", p.slug) class="block px-3 py-2 hover:bg-stone-100">
                                    {p.name} <span class="text-sm text-stone-500">{format!(" · {} · {}", p.brand, p.unit)}</span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
        </form>
    }
}
