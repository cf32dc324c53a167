//! The page for any address we do not have, served with status 404.

use crate::ui::components::page_header::PageHeader;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageHeader title="Page not found" description="The page you were looking for is not here." />
        <p class="mb-4">"We could not find that page. It may have moved, or the address may be mistyped."</p>
        <a class="text-teal-800 underline" href="/">"Go to the home page"</a>
    }
}
