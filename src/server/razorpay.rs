//! Online payment through Razorpay: Standard Checkout when the page is
//! hydrated, a payment link without JavaScript, webhooks, reconciliation of
//! payments whose confirmation was lost, and refunds. Every path ends in
//! `settle`, which pays an order once or flags the payment for staff.

pub mod client;
pub mod payment_return;
pub mod prepare;
pub mod reconcile;
pub mod refunds;
pub mod settle;
pub mod signature;
pub mod webhook;

use crate::db::settings::{self, RazorpayKeys};
use client::RazorpayClient;
use sqlx::PgExecutor;
use std::sync::Arc;
use tokio::sync::Notify;

/// Where Razorpay is (`RAZORPAY_API_URL`, `RAZORPAY_CHECKOUT_JS`: the tests
/// point them at a loopback server), and a wake-up for the webhook worker.
#[derive(Clone)]
pub struct Razorpay {
    http: reqwest::Client,
    pub api_url: String,
    pub checkout_js: String,
    pub wake: Arc<Notify>,
}

impl Razorpay {
    pub fn new(api_url: &str, checkout_js: &str) -> Self {
        Razorpay {
            http: RazorpayClient::http(),
            api_url: api_url.to_string(),
            checkout_js: checkout_js.to_string(),
            wake: Arc::new(Notify::new()),
        }
    }

    /// The API with the shop's saved keys; `None` until both are saved.
    pub async fn gateway(&self, db: impl PgExecutor<'_>) -> sqlx::Result<Option<RazorpayClient>> {
        let RazorpayKeys {
            key_id, key_secret, ..
        } = settings::razorpay_keys(db).await?;
        Ok((!key_id.is_empty() && !key_secret.is_empty())
            .then(|| RazorpayClient::new(self.http.clone(), &self.api_url, &key_id, &key_secret)))
    }

    /// The `scheme://host[:port]` of a configured URL, for the CSP.
    pub fn origin(url: &str) -> Option<String> {
        url::Url::parse(url)
            .ok()
            .map(|u| u.origin().ascii_serialization())
            .filter(|o| o != "null")
    }
}
