//! The admin's frame: the section navigation beside the page, and the
//! buttons and tables every admin screen shares.

use crate::{
    api::admin::receiving::load_stock_alerts,
    domain::Role,
    ui::{components::current_user::use_current_user, islands::stock_alerts::StockAlerts},
};
use leptos::prelude::*;
use leptos_meta::Title;

const SECTIONS: [(&str, &str); 15] = [
    ("/admin", "Overview"),
    ("/admin/orders", "Orders"),
    ("/admin/products", "Products"),
    ("/admin/products?low=1", "Low stock"),
    ("/admin/receiving", "Goods received"),
    ("/admin/expiry", "Expiry"),
    ("/admin/gst", "GST returns"),
    ("/admin/categories", "Categories"),
    ("/admin/pages", "Pages"),
    ("/admin/menus", "Menus and home"),
    ("/admin/settings", "Settings"),
    ("/admin/partners", "Partners"),
    ("/admin/payouts", "Payouts"),
    ("/admin/users", "Users"),
    ("/admin/audit", "Audit log"),
];

/// The frame for staff and admins. Anyone else sees only the page's own
/// answer (a refusal with its own heading), without the admin's navigation.
#[component]
pub fn AdminFrame(title: &'static str, children: ChildrenFn) -> impl IntoView {
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let staff = user.await.is_some_and(|u| matches!(u.role, Role::Staff | Role::Admin));
                    if staff {
                        view! { <Frame title children=children() /> }.into_any()
                    } else {
                        children().into_any()
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Frame(title: &'static str, children: AnyView) -> impl IntoView {
    view! {
        <Title text=title />
        <div class="grid gap-6 md:grid-cols-[12rem_1fr]">
            <nav aria-label="Admin" class="text-sm">
                <ul class="flex flex-wrap gap-1 md:flex-col">
                    {SECTIONS.iter().map(|(href, label)| view! {
                        <li><a href=*href class="block rounded px-3 py-1.5 text-stone-700 hover:bg-teal-50 hover:text-teal-900">{*label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            <div class="min-w-0">
                <h1 class="mb-2 text-3xl font-bold tracking-tight">{title}</h1>
                <Alerts />
                {children}
            </div>
        </div>
    }
}

/// The stock alerts for the staff header, live in the browser.
#[component]
fn Alerts() -> impl IntoView {
    let counts = Resource::new(|| (), |_| load_stock_alerts());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                counts.await.ok().map(|c| view! { <StockAlerts line=c.line() /> })
            })}
        </Suspense>
    }
}

/// A white panel with a heading.
#[component]
pub fn Panel(
    heading: &'static str,
    #[prop(optional)] id: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section id=(!id.is_empty()).then_some(id) class="mb-6 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 class="mb-3 text-lg font-semibold">{heading}</h2>
            {children()}
        </section>
    }
}

pub const BUTTON: &str =
    "rounded bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60";
pub const SMALL_BUTTON: &str =
    "rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100";
pub const TABLE: &str = "w-full text-left text-sm [&_td]:border-t [&_td]:border-stone-100 [&_td]:py-2 [&_td]:pr-3 [&_th]:pb-2 [&_th]:pr-3";
