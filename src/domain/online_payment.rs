//! What pages show of online payments (Razorpay): how to pay an order, and
//! for staff its payment, refunds and flagged payments.

use super::Paise;
use serde::{Deserialize, Serialize};

/// How the customer pays an online order: Razorpay Checkout when the page
/// is hydrated (`gateway_order_id`), the hosted payment link without.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayOnline {
    pub key_id: String,
    pub gateway_order_id: Option<String>,
    pub link_url: Option<String>,
    pub checkout_js: String,
    pub business_name: String,
    pub email: String,
    pub mobile: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundLine {
    pub amount: Paise,
    pub reason: String,
    pub status: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentFlagLine {
    /// `None` for a payment that names no order of ours.
    pub reference: Option<String>,
    pub payment_id: String,
    pub amount: Paise,
    pub reason: String,
    pub at: String,
}

/// An online order's payment as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOnlinePayment {
    pub payment_id: Option<String>,
    /// What may still be refunded (nothing before the order is paid).
    pub refundable: Paise,
    pub refunds: Vec<RefundLine>,
    pub flags: Vec<PaymentFlagLine>,
}

/// Razorpay's settings as the admin sees them: never the secrets, only
/// whether they are saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RazorpaySetup {
    pub enabled: bool,
    pub key_id: String,
    pub key_secret_saved: bool,
    pub webhook_secret_saved: bool,
    /// The address to give Razorpay for webhooks.
    pub webhook_url: String,
}

/// What a refund's status means to staff.
pub fn refund_status_label(status: &str) -> &'static str {
    match status {
        "requested" => "Sending to Razorpay",
        "pending" => "Refund in progress",
        "processed" => "Refunded",
        "failed" => "Refund failed",
        _ => "Unknown",
    }
}
