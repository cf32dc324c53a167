//! Refuses state-changing requests that come from another site.
//!
//! Browsers send `Sec-Fetch-Site` on every request; a request that says
//! `cross-site` (or `same-site`: a sibling subdomain is not us) is refused.
//! Older browsers without it are judged by `Origin`, which must be our own.
//! A request with neither header is not from a modern browser page: it
//! passes only if it carries no session cookie (curl, an API client), since
//! a cookie-riding attack needs the victim's session.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

#[derive(Clone)]
pub struct AllowedOrigin(pub Arc<str>);

impl AllowedOrigin {
    /// The `scheme://host[:port]` of the site URL, as browsers write `Origin`.
    pub fn from_site_url(url: &url::Url) -> Self {
        AllowedOrigin(url.origin().ascii_serialization().into())
    }
}

pub async fn refuse_cross_site(
    State(allowed): State<AllowedOrigin>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe_method(request.method()) || is_same_origin(&request, &allowed) {
        next.run(request).await
    } else {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
        (
            StatusCode::FORBIDDEN,
            Body::from("Cross-site requests are not allowed."),
        )
            .into_response()
    }
}

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn is_same_origin(request: &Request, allowed: &AllowedOrigin) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none" is the user's own action (typing the URL, a bookmark).
        return matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => origin == &*allowed.0 || origin_matches_host(origin, headers),
        None => !carries_session_cookie(headers),
    }
}

fn carries_session_cookie(headers: &axum::http::HeaderMap) -> bool {
    let prefix = format!("{}=", super::startup::SESSION_COOKIE);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|pair| pair.trim_start().starts_with(&prefix))
}

/// When the site is reached under another name than `SITE_URL` (a LAN address,
/// a tunnel), an Origin equal to the request's own Host is still same-origin.
fn origin_matches_host(origin: &str, headers: &axum::http::HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (host, origin.split_once("://")) {
        (Some(host), Some((_, origin_host))) => origin_host == host,
        _ => false,
    }
}
