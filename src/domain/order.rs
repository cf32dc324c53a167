//! Orders as customers see them.

use super::Paise;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub name: String,
    pub unit: String,
    pub quantity: i32,
    pub unit_price: Paise,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEvent {
    pub status: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub reference: String,
    /// The GST invoice's number, once the order is paid or collected.
    pub invoice_number: Option<String>,
    pub status: String,
    pub payment_method: String,
    pub fulfilment: String,
    pub total: Paise,
    pub placed_at: String,
    pub lines: Vec<OrderLine>,
    pub timeline: Vec<OrderEvent>,
    /// For UPI orders awaiting payment: the intent link (also the QR payload).
    pub upi_intent: Option<String>,
    /// The QR code of `upi_intent`, as SVG.
    pub upi_qr_svg: Option<String>,
    pub utr: Option<String>,
    /// Placed without an account: the emailed link is the way back to it.
    pub guest: bool,
    /// For online orders awaiting payment; `None` inside when Razorpay could
    /// not be reached to prepare the payment.
    pub pay_online: Option<Option<super::PayOnline>>,
    /// Money returned on this order.
    pub refunds: Vec<super::RefundLine>,
}

/// What a status means to the customer.
pub fn status_label(status: &str) -> &'static str {
    match status {
        "awaiting_payment" => "Awaiting payment",
        "payment_submitted" => "Awaiting payment confirmation",
        "to_pay_at_pickup" => "To be paid at pickup",
        "paid" => "Paid",
        "packed" => "Packed",
        "ready_for_pickup" => "Ready for pickup",
        "shipped" => "Shipped",
        "delivered" => "Delivered",
        "returned" => "Returned",
        "cancelled" => "Cancelled",
        "expired" => "Expired (not paid in time)",
        _ => "Placed",
    }
}

/// How an order is paid, in words.
pub fn payment_label(method: &str) -> &'static str {
    match method {
        "upi" => "UPI",
        "razorpay" => "Online (Razorpay)",
        _ => "Cash at pickup",
    }
}
