//! Security headers on every response, and the per-request nonce that lets
//! the hydration scripts run under a strict Content-Security-Policy. Order
//! pages also allow Razorpay Checkout's script and frames (and nothing else
//! of Razorpay's anywhere else).

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};
use leptos::nonce::Nonce;

#[derive(Clone)]
pub struct SecurityPolicy {
    /// Send HSTS (only when the site is served over https).
    pub hsts: bool,
    /// Razorpay Checkout's script origin and API origin (its frames).
    pub payment_origins: Option<(String, String)>,
}

impl SecurityPolicy {
    pub fn new(hsts: bool, checkout_js: &str, api_url: &str) -> Self {
        use super::razorpay::Razorpay;
        SecurityPolicy {
            hsts,
            payment_origins: Razorpay::origin(checkout_js).zip(Razorpay::origin(api_url)),
        }
    }
}

/// The nonce for this request's inline scripts, read by the page renderer.
#[derive(Clone)]
pub struct CspNonce(pub Nonce);

pub async fn add_security_headers(
    State(policy): State<SecurityPolicy>,
    mut request: Request,
    next: Next,
) -> Response {
    let payments = match &policy.payment_origins {
        Some((script, api)) if request.uri().path().starts_with("/orders/") => {
            Some((script.clone(), api.clone()))
        }
        _ => None,
    };
    let nonce = Nonce::new();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let (script_extra, frame_src, connect_extra) = match &payments {
        Some((script, api)) => (
            format!(" {script}"),
            format!("frame-src 'self' {api} {script}; "),
            format!(" {api}"),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'{script_extra}; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'{connect_extra}; font-src 'self'; \
         {frame_src}object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if policy.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}
