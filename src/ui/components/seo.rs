//! Search-engine and social-preview tags: canonical URL, Open Graph, Twitter
//! card and JSON-LD structured data.

use crate::domain::{absolute_url, SiteOrigin};
use leptos::prelude::*;
use leptos_meta::{Link, Meta};

/// An absolute URL for `path` on this site.
pub fn absolute(path: &str) -> String {
    absolute_url(use_context::<SiteOrigin>().as_ref(), path)
}

#[component]
pub fn SocialTags(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// Path of the canonical URL, e.g. `/p/some-product`.
    #[prop(into)]
    canonical: String,
    /// Path of the preview image.
    #[prop(into)]
    image: String,
    #[prop(default = "website")] kind: &'static str,
) -> impl IntoView {
    let canonical = absolute(&canonical);
    let image = absolute(&image);
    view! {
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:type" content=kind />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=canonical />
        <Meta property="og:image" content=image.clone() />
        <Meta name="twitter:card" content="summary_large_image" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        <Meta name="twitter:image" content=image />
    }
}

/// A JSON-LD block. `</` is escaped so data cannot close the script element.
#[component]
pub fn JsonLd(data: serde_json::Value) -> impl IntoView {
    let json = data.to_string().replace("</", "<\\/");
    view! { <script type="application/ld+json" inner_html=json></script> }
}
