//! Header with navigation and the account menu, the page, and the footer.

use crate::ui::components::{account_menu::AccountMenu, search_box::SearchBox};
use leptos::prelude::*;

#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    view! {
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
            "Skip to content"
        </a>
        <header class="border-b border-stone-200 bg-white">
            <nav
                aria-label="Main"
                class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3"
            >
                <a href="/" class="flex items-center gap-2 text-xl font-bold text-teal-800">
                    <img src="/favicon.svg" alt="" width="28" height="28" />
                    "Haat"
                </a>
                <SearchBox />
                <AccountMenu />
            </nav>
        </header>
        <main id="main" class="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children()}
        </main>
        <footer class="mt-16 border-t border-stone-200 bg-white">
            <div class="mx-auto flex max-w-5xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-stone-600">
                <p>"Haat — your neighbourhood store, online."</p>
                <p>"Prices include GST."</p>
            </div>
        </footer>
    }
}
