//! Referral links. `?ref=CODE` on any page remembers the partner for 30 days
//! in a first-party cookie and counts the visit; an order placed while the
//! cookie lasts is attributed to that partner (see `db::referrals`).

use super::state::AppState;
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method},
    middleware::Next,
    response::Response,
};
use rand::Rng;
use tower_sessions::cookie::{time::Duration, Cookie, SameSite};

pub const REFERRAL_COOKIE: &str = "haat_ref";
const WINDOW_DAYS: i64 = 30;

/// Letters and digits that cannot be mistaken for one another when read out.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A new referral code: eight characters, about 10^12 possibilities.
pub fn new_code() -> String {
    let mut rng = rand::thread_rng();
    (0..8)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// A code as it may appear in a link, upper-cased; `None` if it cannot be one.
pub fn normalise(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    ((6..=12).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(code)
}

/// The referral code the browser remembers, if any.
pub fn remembered(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == REFERRAL_COOKIE)
        .and_then(|c| normalise(c.value()))
}

fn code_in_query(request: &Request) -> Option<String> {
    let query = request.uri().query()?;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == "ref")
        .and_then(|(_, code)| normalise(&code))
}

/// Middleware: on a GET with `?ref=` naming a current partner, sets the cookie
/// and counts a visit (once per browser until the code changes, so reloads
/// do not inflate the count). Unknown codes are ignored.
pub async fn remember_referral(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let code = (request.method() == Method::GET)
        .then(|| code_in_query(&request))
        .flatten();
    let Some(code) = code else {
        return next.run(request).await;
    };
    let already = remembered(request.headers());
    let mut response = next.run(request).await;
    let partner = match crate::db::partners::by_code(&state.pool, &code).await {
        Ok(partner) => partner,
        Err(e) => {
            tracing::error!(error = %e, "looking up a referral code");
            None
        }
    };
    let Some(partner) = partner else {
        return response;
    };
    if already.as_deref() != Some(code.as_str()) {
        if let Err(e) = crate::db::partners::count_visit(&state.pool, partner).await {
            tracing::error!(error = %e, "counting a referral visit");
        }
    }
    let cookie = Cookie::build((REFERRAL_COOKIE, code))
        .path("/")
        .max_age(Duration::days(WINDOW_DAYS))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state.config.secure_cookies)
        .build();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_codes_are_valid_and_differ() {
        let a = new_code();
        assert_eq!(normalise(&a), Some(a.clone()));
        assert_ne!(a, new_code());
    }

    #[test]
    fn codes_are_upper_cased_and_odd_ones_ignored() {
        assert_eq!(normalise(" ab3def9k "), Some("AB3DEF9K".into()));
        for bad in ["", "ABC", "ABCDEFGHIJKLM", "AB-DEF9K", "ÄBCDEF9K"] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_remembered_code_is_read_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("haat_session=x; haat_ref=ab3def9k; theme=dark"),
        );
        assert_eq!(remembered(&headers), Some("AB3DEF9K".into()));
    }
}
