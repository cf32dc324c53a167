//! Leptos's `HydrationScripts` writes `<link rel="modulepreload">` for the JS
//! and `<link rel="preload" as="fetch">` for the wasm into every page's head
//! (leptos 0.8.23, `hydration/mod.rs`), with no way to leave them out.
//! Browsers fetch preloads at once, with JavaScript off too, and they compete
//! with the stylesheet and images that make the page readable; in islands
//! mode the loader imports the module anyway once the browser is idle. So
//! the two hints are taken out of each page here, and scripts load after the
//! page is complete.

use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::header,
    middleware::Next,
    response::Response,
};

/// Pages are rendered whole before they are sent (`SsrMode::Async`); none
/// comes near this.
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

pub async fn without_script_preloads(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if !super::cache_headers::is_html(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!("reading a rendered page failed: {e}");
            parts.status = http::StatusCode::INTERNAL_SERVER_ERROR;
            return Response::from_parts(parts, Body::empty());
        }
    };
    let html = match std::str::from_utf8(&bytes).ok().and_then(strip) {
        Some(stripped) => Body::from(stripped),
        None => Body::from(bytes),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, html)
}

/// The page without the script preloads in its head, or `None` if it has none.
fn strip(html: &str) -> Option<String> {
    let head_end = html.find("</head>")?;
    let head = &html[..head_end];
    let mut kept = String::with_capacity(html.len());
    let mut rest = head;
    let mut removed = false;
    while let Some(start) = rest.find("<link rel=\"") {
        let tag_end = start + rest[start..].find('>')? + 1;
        let tag = &rest[start..tag_end];
        let is_script_preload = tag.starts_with("<link rel=\"modulepreload\"")
            || (tag.starts_with("<link rel=\"preload\"") && tag.contains("application/wasm"));
        kept.push_str(&rest[..start]);
        if is_script_preload {
            removed = true;
        } else {
            kept.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    if !removed {
        return None;
    }
    kept.push_str(rest);
    kept.push_str(&html[head_end..]);
    Some(kept)
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn the_script_preloads_go_and_everything_else_stays() {
        let page = concat!(
            r#"<html><head><link rel="stylesheet" href="/pkg/haat.css">"#,
            r#"<link rel="modulepreload" href="/pkg/haat.js" crossorigin="n">"#,
            r#"<link rel="preload" href="/pkg/haat.wasm" as="fetch" type="application/wasm" crossorigin="n">"#,
            r#"<script type="module" nonce="n">load()</script><link rel="canonical" href="/p/x"></head>"#,
            r#"<body><link rel="modulepreload" href="/in-body"></body></html>"#,
        );
        assert_eq!(
            strip(page).unwrap(),
            concat!(
                r#"<html><head><link rel="stylesheet" href="/pkg/haat.css">"#,
                r#"<script type="module" nonce="n">load()</script><link rel="canonical" href="/p/x"></head>"#,
                r#"<body><link rel="modulepreload" href="/in-body"></body></html>"#,
            )
        );
    }

    #[test]
    fn a_page_without_them_is_left_alone() {
        assert_eq!(
            strip("<html><head><title>x</title></head><body></body></html>"),
            None
        );
    }
}
