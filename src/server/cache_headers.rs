//! How long browsers may keep what we serve. Built files under `/pkg/` carry
//! a content hash in their names, so they never change and are kept a year;
//! other static files a day. Pages are not cached (they depend on the session
//! and on live stock).

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

pub async fn for_static_files(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if !response.status().is_success() || response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let policy = if path.starts_with("/pkg/") {
        Some("public, max-age=31536000, immutable")
    } else if path == "/favicon.svg" || path.starts_with("/media/") {
        Some("public, max-age=86400")
    } else {
        None
    };
    if let Some(policy) = policy {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}
