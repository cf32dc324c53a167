//! How long browsers may keep what we serve. Built files under `/pkg/` carry
//! a content hash in their names, so they never change and are kept a year;
//! other static files a day. Pages and server-function answers are never
//! stored (`no-store`): they depend on the session (a customer's orders, an
//! admin's screens) and on live stock, and must not stay in a shared cache
//! or in the browser's history cache after logging out.

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

pub async fn for_static_files(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    // Everything that is not a public file may depend on the session (pages,
    // server functions, the payouts CSV, live streams): never stored.
    let policy = match public_policy(&path) {
        Some(policy) if response.status().is_success() => policy,
        Some(_) => return response,
        None => "no-store",
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// How long a public file may be kept, or `None` for anything else.
fn public_policy(path: &str) -> Option<&'static str> {
    if path.starts_with("/pkg/") {
        Some("public, max-age=31536000, immutable")
    } else if path == "/favicon.svg" || path.starts_with("/media/") {
        Some("public, max-age=86400")
    } else if path == "/robots.txt" || path == "/sitemap.xml" {
        Some("public, max-age=3600")
    } else {
        None
    }
}
