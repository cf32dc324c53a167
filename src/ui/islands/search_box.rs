//! The header's search form. Without JavaScript it submits to `/search`;
//! in the browser it also suggests products while the shopper types.

use crate::api::catalog::suggest;
use leptos::prelude::*;

/// `initial`: the shop search being shown (empty on other pages).
#[island]
pub fn SearchBox(initial: String) -> impl IntoView {
    let (text, set_text) = signal(initial.clone());
    let (typing, set_typing) = signal(false);
    let suggestions = LocalResource::new(move || {
        let query = text.get();
        async move {
            if query.trim().chars().count() < 2 {
                Vec::new()
            } else {
                suggest(query).await.unwrap_or_default()
            }
        }
    });
    let showing = move || {
        typing.get()
            && suggestions
                .get()
                .is_some_and(|list: Vec<_>| !list.is_empty())
    };
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
                    set_text.set(event_target_value(&ev));
                }
            />
            <button type="submit" class="rounded bg-stone-800 px-3 py-2 text-white hover:bg-stone-900">"Search"</button>
            {move || {
                let list = suggestions.get().unwrap_or_default();
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
