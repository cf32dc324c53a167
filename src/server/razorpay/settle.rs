//! A captured payment meets our order: the order is paid once, and anything
//! else (another amount, a second payment, a payment after the order expired
//! or for an order we do not know) is flagged for staff instead.

use super::client::Payment;
use crate::{
    db::payments::{self, NewFlag},
    domain::{status_label, Paise},
    server::{
        mail::{self, messages},
        state::AppState,
    },
};

pub const AMOUNT_DIFFERS: &str = "Paid amount differs from the order's total: not accepted.";
pub const PAID_TWICE: &str = "A second payment for an order already paid: refund one.";
pub const PAID_TOO_LATE: &str =
    "Paid after the order ended: refund it, or ask the customer to order again.";
pub const UNKNOWN_ORDER: &str = "A payment for no order of this shop.";

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Paid,
    /// This payment had already paid the order.
    AlreadySettled,
    Flagged,
}

/// Settles `payment` (captured) against our order `order_id`.
pub async fn settle(state: &AppState, order_id: i64, payment: &Payment) -> sqlx::Result<Outcome> {
    let mut tx = state.pool.begin().await?;
    let Some(order) = payments::lock(&mut tx, order_id).await? else {
        return Ok(Outcome::Flagged);
    };
    if order.razorpay_payment_id.as_deref() == Some(payment.id.as_str()) {
        return Ok(Outcome::AlreadySettled);
    }
    let problem = if payment.amount != order.total_paise {
        Some(AMOUNT_DIFFERS)
    } else {
        match order.status.as_str() {
            "awaiting_payment" => None,
            "expired" | "cancelled" => Some(PAID_TOO_LATE),
            _ => Some(PAID_TWICE),
        }
    };
    if let Some(reason) = problem {
        payments::flag(
            &mut *tx,
            NewFlag {
                order_id: Some(order.id),
                payment_id: &payment.id,
                razorpay_order_id: payment.order_id.as_deref(),
                amount_paise: payment.amount,
                reason,
            },
        )
        .await?;
        tx.commit().await?;
        tracing::warn!(order = %order.reference, payment = %payment.id, "payment flagged: {reason}");
        return Ok(Outcome::Flagged);
    }
    payments::mark_paid(&mut tx, order.id, &payment.id).await?;
    if !order.email.is_empty() {
        let mail = messages::order_status(
            &order.customer_name,
            &order.reference,
            status_label("paid"),
            &state.config.link(&format!("/orders/{}", order.reference)),
        );
        mail::queue(&mut *tx, &order.email, &mail).await?;
    }
    tx.commit().await?;
    tracing::info!(order = %order.reference, amount = %Paise(payment.amount), "paid online");
    Ok(Outcome::Paid)
}

/// A captured payment that names no order of ours.
pub async fn flag_unknown(state: &AppState, payment: &Payment) -> sqlx::Result<Outcome> {
    payments::flag(
        &state.pool,
        NewFlag {
            order_id: None,
            payment_id: &payment.id,
            razorpay_order_id: payment.order_id.as_deref(),
            amount_paise: payment.amount,
            reason: UNKNOWN_ORDER,
        },
    )
    .await?;
    tracing::warn!(payment = %payment.id, "payment for an unknown order flagged");
    Ok(Outcome::Flagged)
}

/// Flagged payments as staff pages show them (one order's, or all).
pub async fn flag_lines(
    pool: &sqlx::PgPool,
    order_id: Option<i64>,
) -> sqlx::Result<Vec<crate::domain::PaymentFlagLine>> {
    Ok(payments::flags(pool, order_id)
        .await?
        .into_iter()
        .map(|f| crate::domain::PaymentFlagLine {
            reference: f.reference,
            payment_id: f.payment_id,
            amount: Paise(f.amount_paise),
            reason: f.reason,
            at: f.at,
        })
        .collect())
}
