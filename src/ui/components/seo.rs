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

/// A JSON-LD block. `<`, `>` and `&` are written as JSON escapes, so no data
/// can close the script element or open a comment inside it.
#[component]
pub fn JsonLd(data: serde_json::Value) -> impl IntoView {
    view! { <script type="application/ld+json" inner_html=script_safe_json(&data)></script> }
}

fn script_safe_json(data: &serde_json::Value) -> String {
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The document title of every page: the page's own, then the site's name.
///
/// leptos_meta 0.8.7 writes the title into the server-rendered `<head>` as it
/// is, without escaping (`ServerMetaContextOutput::inject_meta_context` pushes
/// the formatted string between `<title>` tags), so text from a URL or the
/// database could close the element and add markup. The server escapes it
/// here; in the browser the same text goes to `document.title`, which is
/// plain text and must not be escaped.
pub fn document_title(page_title: String) -> String {
    let title = format!("{page_title} · Haat");
    #[cfg(feature = "ssr")]
    let title = html_escape::encode_text(&title).into_owned();
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_or_open_a_comment() {
        let json = script_safe_json(&serde_json::json!({"name": "</script><!-- & -->"}));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], "</script><!-- & -->");
    }

    #[test]
    fn a_title_with_markup_is_text_on_the_server() {
        assert_eq!(
            document_title("</title><meta>".into()),
            "&lt;/title&gt;&lt;meta&gt; · Haat"
        );
    }
}
