//! Turning unexpected failures into the safe `AppError::Internal`: the cause is
//! logged with the request id, and the user sees only that id.

use crate::domain::AppError;
use http::{request::Parts, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The id the request-id layer gave the current request.
pub fn current_request_id() -> String {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(REQUEST_ID_HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "unknown".to_string())
}

pub const UNSTORABLE_TEXT: &str =
    "Some of the text contains a character that cannot be stored (a NUL byte). Remove it and try again.";

/// Logs `error` with its whole cause chain and returns what the user may see.
/// Text the database refuses to store (a NUL character from a form) is the
/// sender's mistake, not ours: that answers 400.
pub fn internal(context: &str, error: impl std::error::Error + 'static) -> AppError {
    if is_unstorable_text(&error) {
        set_status(StatusCode::BAD_REQUEST);
        return AppError::form(UNSTORABLE_TEXT, Vec::new());
    }
    let request_id = current_request_id();
    let mut chain = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    tracing::error!(request_id = %request_id, "{context}: {chain}");
    set_status(StatusCode::INTERNAL_SERVER_ERROR);
    AppError::Internal { request_id }
}

/// Sets the response status for a refused or failed request, except for a
/// form posted without JavaScript: that one must stay a redirect back to its
/// page, which then shows the error beside the form.
pub fn set_status(status: StatusCode) {
    let plain_form_post = use_context::<Parts>().is_some_and(|parts| {
        parts.method == http::Method::POST
            && parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    });
    if plain_form_post {
        return;
    }
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

/// PostgreSQL's "character not in repertoire" (a NUL in text) and
/// "untranslatable character" (`\u0000` in JSON).
fn is_unstorable_text(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if let Some(sqlx::Error::Database(db)) = e.downcast_ref::<sqlx::Error>() {
            return matches!(db.code().as_deref(), Some("22021" | "22P05"));
        }
        current = e.source();
    }
    false
}

/// `?`-friendly conversion for database calls inside server functions.
pub trait OrInternal<T> {
    fn or_internal(self, context: &str) -> Result<T, AppError>;
}

impl<T, E: std::error::Error + 'static> OrInternal<T> for Result<T, E> {
    fn or_internal(self, context: &str) -> Result<T, AppError> {
        self.map_err(|e| internal(context, e))
    }
}

/// Server functions answer every error with status 500 (marked by the
/// `serverfnerror` header); this gives a failed call from the hydrated app
/// the status its `AppError` means (422 bad input, 429, 401, 403, 404), so
/// that clients and logs can tell them apart. Plain form posts are redirects
/// and pass through untouched.
pub async fn status_for_server_fn_error(
    response: axum::response::Response,
) -> axum::response::Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response
            .headers()
            .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Error bodies are a few hundred bytes; anything larger is not one of ours.
    let bytes = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(bytes) => bytes,
        Err(_) => return axum::response::Response::from_parts(parts, axum::body::Body::empty()),
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = match error {
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal { .. } | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// `AppError::NotFound`, answered with status 404.
pub fn not_found() -> AppError {
    set_status(StatusCode::NOT_FOUND);
    AppError::NotFound
}

/// Answers a page request with `301 Moved Permanently` to `path` (search
/// engines move the old address's standing to the new one). Calls from the
/// hydrated app get the new address in the result instead.
pub fn permanent_redirect(path: &str) {
    let page_request = use_context::<Parts>().is_some_and(|parts| {
        parts.method == http::Method::GET && !parts.uri.path().starts_with("/api/")
    });
    if !page_request {
        return;
    }
    if let (Some(response), Ok(location)) = (
        use_context::<ResponseOptions>(),
        http::HeaderValue::from_str(path),
    ) {
        response.set_status(StatusCode::MOVED_PERMANENTLY);
        response.insert_header(http::header::LOCATION, location);
    }
}

/// The constraint a unique violation broke, so that a form can say which
/// field clashes instead of checking first (and racing).
pub fn unique_violation(error: &sqlx::Error) -> Option<&str> {
    match error {
        sqlx::Error::Database(db) if db.is_unique_violation() => db.constraint(),
        _ => None,
    }
}
