//! Refuses, at the door, input that no page could use: an address whose path
//! or query decodes to a NUL character (PostgreSQL cannot store one in text,
//! so every query that carried it failed with a database error).
//! NULs inside form bodies are caught where the database refuses them
//! (`errors::internal` answers those as bad input).

use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::StatusCode;

pub const UNREADABLE_ADDRESS: &str =
    "This address contains a character that is not allowed (a NUL byte). Check the link and try again.";

pub async fn refuse_unreadable_addresses(request: Request, next: Next) -> Response {
    let uri = request.uri();
    if decodes_to_nul(uri.path()) || uri.query().is_some_and(decodes_to_nul) {
        return (StatusCode::BAD_REQUEST, UNREADABLE_ADDRESS).into_response();
    }
    next.run(request).await
}

/// A URI cannot hold a raw NUL, so a NUL reaches the app only as `%00`.
fn decodes_to_nul(text: &str) -> bool {
    text.contains("%00")
}

#[cfg(test)]
mod tests {
    use super::decodes_to_nul;

    #[test]
    fn a_percent_encoded_nul_is_found_and_other_escapes_are_not() {
        assert!(decodes_to_nul("/p/a%00b"));
        assert!(!decodes_to_nul("/search?q=100%25%20off"));
        assert!(!decodes_to_nul("/c/x?min=100"));
    }
}
