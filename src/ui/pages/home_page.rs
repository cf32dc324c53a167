//! `/`: the storefront's front page.

use crate::ui::components::page_header::PageHeader;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="rounded-2xl bg-gradient-to-br from-teal-700 to-teal-900 px-6 py-12 text-white">
            <div class="max-w-2xl">
                <PageHeader
                    title="Your neighbourhood store, online"
                    description="Haat: groceries, household and health essentials from your neighbourhood store, with UPI and cash on pickup."
                />
                <p class="mb-6 text-lg text-teal-50">
                    "Everyday groceries, household and health essentials at the prices you know, "
                    "paid by UPI or in cash when you pick up."
                </p>
                <a href="/signup" class="inline-block rounded bg-white px-5 py-3 font-semibold text-teal-900 hover:bg-teal-50">
                    "Create your account"
                </a>
            </div>
        </section>
    }
}
