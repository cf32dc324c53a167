//! Header with navigation and the account menu, the page, and the footer.

use crate::{
    api::content::SiteChrome,
    domain::MenuLink,
    ui::{components::account_menu::AccountMenu, islands::search_box::SearchBox},
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    // The server puts the shop's settings and menus here from memory; when
    // they cannot be read (the database is down and this instance has no
    // copy) the page gets the plain header and footer.
    let chrome = use_context::<SiteChrome>().unwrap_or_default();
    let SiteChrome {
        business_name,
        logo_url,
        header,
        footer,
        contact_phone,
        contact_email,
        address,
    } = chrome;
    let shown_name = if business_name.is_empty() {
        "Haat".to_string()
    } else {
        business_name.clone()
    };
    let contact = [contact_phone, contact_email]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    // Only a shop search fills the header's box (the admin's searches also
    // use `?q=`).
    let searching = use_location().pathname.get_untracked() == "/search";
    let search = searching
        .then(|| use_query_map().with_untracked(|q| q.get("q")))
        .flatten()
        .unwrap_or_default();
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
                    <img src=logo_url.unwrap_or_else(|| "/favicon.svg".into()) alt="" width="28" height="28" class="h-7 w-auto" />
                    {shown_name}
                </a>
                <SearchBox initial=search />
                <AccountMenu />
            </nav>
            <Links links=header label="Shop" class="mx-auto flex max-w-5xl flex-wrap gap-4 px-4 pb-2 text-sm" />
        </header>
        <main id="main" class="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children()}
        </main>
        <footer class="mt-16 border-t border-stone-200 bg-white">
            <div class="mx-auto flex max-w-5xl flex-wrap justify-between gap-2 px-4 py-6 text-sm text-stone-600">
                <div data-testid="footer-contact">
                    <p class="font-semibold text-stone-800">{business_name}</p>
                    // A shop that has not filled these in gets no empty lines.
                    {(!address.is_empty()).then(|| view! { <p>{address}</p> })}
                    {(!contact.is_empty()).then(|| view! { <p>{contact}</p> })}
                </div>
                <Links links=footer label="Footer" class="flex flex-wrap gap-x-4 gap-y-1" />
                <p>"Prices include GST."</p>
            </div>
        </footer>
    }
}

#[component]
fn Links(links: Vec<MenuLink>, label: &'static str, class: &'static str) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <nav aria-label=label>
                <ul class=class>
                    {links.into_iter().map(|l| view! {
                        <li><a href=l.href class="text-stone-700 hover:text-teal-800 hover:underline">{l.label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    })
}
