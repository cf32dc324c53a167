//! Refused form posts without JavaScript: Leptos sends the browser back to
//! the form's page with the messages and what the user typed in the address
//! (`?__path=…&__err=…`), where addresses, PAN and GSTIN would reach server
//! and proxy logs and the browser's history. This moves them into the
//! session for the one page load that shows them, and out of the address.

use axum::{
    extract::Request,
    http::{header::LOCATION, HeaderValue, Method},
    middleware::Next,
    response::Response,
};
use leptos::server::ServerActionError;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

const KEY: &str = "form_error";

/// A refused post's error, waiting for the page it was sent back to.
#[derive(Serialize, Deserialize)]
struct Flash {
    /// The path of the page that shows it.
    page: String,
    /// The server function that refused.
    function: String,
    /// Leptos's encoding of the error.
    error: String,
}

/// The error a refused post left for this page load; `startup` provides it
/// to the page as Leptos's `ServerActionError`.
#[derive(Clone)]
pub struct FlashedFormError(pub ServerActionError);

pub async fn keep_form_errors_out_of_urls(
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() == Method::GET {
        if let Ok(Some(flash)) = session.get::<Flash>(KEY).await {
            if flash.page == request.uri().path() {
                let _ = session.remove::<Flash>(KEY).await;
                request
                    .extensions_mut()
                    .insert(FlashedFormError(ServerActionError::new(
                        &flash.function,
                        &flash.error,
                    )));
            }
        }
    }
    let mut response = next.run(request).await;
    if !response.status().is_redirection() {
        return response;
    }
    let Some(location) = response
        .headers()
        .get(LOCATION)
        .and_then(|l| l.to_str().ok())
    else {
        return response;
    };
    let Some((clean, flash)) = take_error(location) else {
        return response;
    };
    match (
        session.insert(KEY, flash).await,
        HeaderValue::from_str(&clean),
    ) {
        (Ok(()), Ok(clean)) => {
            response.headers_mut().insert(LOCATION, clean);
        }
        (Err(e), _) => tracing::warn!("keeping a form's errors in the session: {e}"),
        (_, Err(e)) => tracing::warn!("an unusable address after removing a form's errors: {e}"),
    }
    response
}

/// Splits a redirect's address into the address without the error and the error.
fn take_error(location: &str) -> Option<(String, Flash)> {
    // The address is the form page's Referer: absolute, or a path.
    let base = url::Url::parse("http://relative.invalid").ok()?;
    let mut url = base.join(location).ok()?;
    let (mut function, mut error) = (None, None);
    let mut kept = Vec::new();
    for (name, value) in url.query_pairs() {
        match name.as_ref() {
            "__path" => function = Some(value.into_owned()),
            "__err" => error = Some(value.into_owned()),
            _ => kept.push((name.into_owned(), value.into_owned())),
        }
    }
    let (function, error) = (function?, error?);
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    let page = url.path().to_string();
    let clean = if url.host_str() == Some("relative.invalid") {
        url[url::Position::BeforePath..].to_string()
    } else {
        url.to_string()
    };
    Some((
        clean,
        Flash {
            page,
            function,
            error,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::take_error;

    #[test]
    fn the_error_leaves_the_address_and_other_parameters_stay() {
        let (clean, flash) = take_error(
            "http://shop.in/checkout?step=2&__path=%2Fapi%2Fplace_order&__err=eyJhIjoxfQ",
        )
        .unwrap();
        assert_eq!(clean, "http://shop.in/checkout?step=2");
        assert_eq!(flash.page, "/checkout");
        assert_eq!(flash.function, "/api/place_order");
        assert_eq!(flash.error, "eyJhIjoxfQ");

        let (clean, flash) = take_error("/signup?__path=%2Fapi%2Fsignup&__err=e30").unwrap();
        assert_eq!(clean, "/signup");
        assert_eq!(flash.page, "/signup");
    }

    #[test]
    fn an_address_without_an_error_is_left_alone() {
        assert!(take_error("/account?welcome=1").is_none());
        assert!(take_error("http://shop.in/").is_none());
    }
}
