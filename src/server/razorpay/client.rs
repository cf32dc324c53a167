//! Razorpay's REST API, as documented at razorpay.com/docs/api: basic auth
//! with the key id and secret, JSON bodies, amounts in paise. Behind a small
//! trait so that what uses it says what it needs; the tests run this client
//! against a loopback server that speaks the same protocol.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// A call that did not give an answer we can use. Never holds the keys.
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error("Razorpay could not be reached: {0}")]
    Unreachable(String),
    #[error("Razorpay answered {status}: {body}")]
    Refused { status: u16, body: String },
}

#[derive(Debug, Clone, Deserialize)]
pub struct GatewayOrder {
    pub id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Payment {
    pub id: String,
    pub amount: i64,
    pub status: String,
    #[serde(default)]
    pub order_id: Option<String>,
    /// Our reference from the payment's notes, read from webhooks only
    /// (Razorpay sends notes as `[]` when empty, so they are not typed here).
    #[serde(skip)]
    pub notes_reference: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PaymentLink {
    pub id: String,
    pub short_url: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub payments: Option<Vec<LinkPayment>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LinkPayment {
    pub payment_id: String,
    pub amount: i64,
    pub status: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Refund {
    pub id: String,
    pub status: String,
}

/// What a payment link is made for: our order, its amount and who pays.
pub struct NewPaymentLink<'a> {
    pub amount_paise: i64,
    /// Our order's reference, kept in the link's notes.
    pub reference: &'a str,
    /// Unique per link (Razorpay refuses one it has seen).
    pub reference_id: &'a str,
    pub description: &'a str,
    pub customer_name: &'a str,
    pub email: &'a str,
    pub contact: &'a str,
    pub callback_url: &'a str,
    /// Unix seconds; Razorpay wants it at least 15 minutes ahead.
    pub expire_by: i64,
}

#[async_trait]
pub trait PaymentGateway: Send + Sync {
    /// `POST /v1/orders`: an order for `amount_paise`, `receipt` = our reference.
    async fn create_order(
        &self,
        amount_paise: i64,
        reference: &str,
    ) -> Result<GatewayOrder, GatewayError>;
    /// `GET /v1/orders/{id}/payments`.
    async fn order_payments(&self, order_id: &str) -> Result<Vec<Payment>, GatewayError>;
    /// `POST /v1/payment_links`.
    async fn create_payment_link(
        &self,
        link: NewPaymentLink<'_>,
    ) -> Result<PaymentLink, GatewayError>;
    /// `GET /v1/payment_links/{id}`.
    async fn payment_link(&self, link_id: &str) -> Result<PaymentLink, GatewayError>;
    /// `POST /v1/payments/{id}/refund`; `refund_id` is ours, kept in its notes.
    async fn refund(
        &self,
        payment_id: &str,
        amount_paise: i64,
        refund_id: i64,
    ) -> Result<Refund, GatewayError>;
}

/// Razorpay's API with one shop's keys.
pub struct RazorpayClient {
    http: reqwest::Client,
    base_url: String,
    key_id: String,
    key_secret: String,
}

/// A call that takes longer than this is treated as failed (and the payment
/// is settled later by the webhook or by reconciliation).
const TIMEOUT: Duration = Duration::from_secs(10);

impl RazorpayClient {
    pub fn new(http: reqwest::Client, base_url: &str, key_id: &str, key_secret: &str) -> Self {
        RazorpayClient {
            http,
            base_url: base_url.trim_end_matches('/').to_string(),
            key_id: key_id.to_string(),
            key_secret: key_secret.to_string(),
        }
    }

    /// The HTTP client every call shares (connections are kept open).
    pub fn http() -> reqwest::Client {
        reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .unwrap_or_default()
    }

    async fn send<T: for<'de> Deserialize<'de>>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<T, GatewayError> {
        let response = request
            .basic_auth(&self.key_id, Some(&self.key_secret))
            .send()
            .await
            .map_err(|e| GatewayError::Unreachable(e.without_url().to_string()))?;
        let status = response.status();
        if !status.is_success() {
            let body = response.text().await.unwrap_or_default();
            return Err(GatewayError::Refused {
                status: status.as_u16(),
                body: body.chars().take(300).collect(),
            });
        }
        response
            .json()
            .await
            .map_err(|e| GatewayError::Unreachable(e.without_url().to_string()))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

#[derive(Serialize)]
struct Notes<'a> {
    haat_order: &'a str,
}

#[derive(Deserialize)]
struct Collection<T> {
    items: Vec<T>,
}

#[async_trait]
impl PaymentGateway for RazorpayClient {
    async fn create_order(
        &self,
        amount_paise: i64,
        reference: &str,
    ) -> Result<GatewayOrder, GatewayError> {
        let body = serde_json::json!({
            "amount": amount_paise,
            "currency": "INR",
            // Captured at once: an authorised-only payment would be refunded
            // by Razorpay after five days, after the goods left.
            "payment_capture": 1,
            "receipt": reference,
            "notes": Notes { haat_order: reference },
        });
        self.send(self.http.post(self.url("/v1/orders")).json(&body))
            .await
    }

    async fn order_payments(&self, order_id: &str) -> Result<Vec<Payment>, GatewayError> {
        let path = format!("/v1/orders/{order_id}/payments");
        let payments: Collection<Payment> = self.send(self.http.get(self.url(&path))).await?;
        Ok(payments.items)
    }

    async fn create_payment_link(
        &self,
        link: NewPaymentLink<'_>,
    ) -> Result<PaymentLink, GatewayError> {
        let body = serde_json::json!({
            "amount": link.amount_paise,
            "currency": "INR",
            "accept_partial": false,
            "expire_by": link.expire_by,
            "reference_id": link.reference_id,
            "description": link.description,
            "customer": { "name": link.customer_name, "email": link.email, "contact": link.contact },
            "notify": { "sms": false, "email": false },
            "reminder_enable": false,
            "notes": Notes { haat_order: link.reference },
            "callback_url": link.callback_url,
            "callback_method": "get",
        });
        self.send(self.http.post(self.url("/v1/payment_links")).json(&body))
            .await
    }

    async fn payment_link(&self, link_id: &str) -> Result<PaymentLink, GatewayError> {
        let path = format!("/v1/payment_links/{link_id}");
        self.send(self.http.get(self.url(&path))).await
    }

    async fn refund(
        &self,
        payment_id: &str,
        amount_paise: i64,
        refund_id: i64,
    ) -> Result<Refund, GatewayError> {
        let path = format!("/v1/payments/{payment_id}/refund");
        let body = serde_json::json!({
            "amount": amount_paise,
            "speed": "normal",
            "notes": { "haat_refund": refund_id.to_string() },
            "receipt": format!("refund-{refund_id}"),
        });
        self.send(self.http.post(self.url(&path)).json(&body)).await
    }
}
