//! A page's title (its one `<h1>`), document title and meta description.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn PageHeader(
    title: &'static str,
    description: &'static str,
    #[prop(optional)] lead: &'static str,
) -> impl IntoView {
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <h1 class="mb-2 text-3xl font-bold tracking-tight">{title}</h1>
        {(!lead.is_empty()).then(|| view! { <p class="mb-6 text-stone-600">{lead}</p> })}
    }
}
