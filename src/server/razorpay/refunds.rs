//! Refunds of online payments, full or partial. The amount is reserved under
//! the order's lock before Razorpay is asked, so two refunds at once can
//! never return more than was paid; Razorpay's answer, and later its
//! `refund.processed` webhook, set the status.

use super::client::PaymentGateway;
use crate::{
    db::payments,
    domain::{Paise, RefundLine},
};
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum RefundError {
    #[error("only a paid online order can be refunded")]
    NotPaidOnline,
    #[error("at most {0} can still be refunded")]
    TooMuch(Paise),
    #[error("Razorpay refused: {0}")]
    Gateway(#[from] super::client::GatewayError),
    #[error("Razorpay did not answer: {0}")]
    NoAnswer(super::client::GatewayError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Refunds `amount` of the order's payment; returns the status Razorpay gave.
pub async fn refund(
    pool: &PgPool,
    gateway: &impl PaymentGateway,
    order_id: i64,
    amount: Paise,
    reason: &str,
    by: Uuid,
) -> Result<String, RefundError> {
    let mut tx = pool.begin().await?;
    let order = payments::lock(&mut tx, order_id)
        .await?
        .ok_or(RefundError::NotPaidOnline)?;
    let Some(payment_id) = order.razorpay_payment_id.clone() else {
        return Err(RefundError::NotPaidOnline);
    };
    let left = payments::refundable_paise(&mut tx, order_id).await?;
    if amount.0 > left {
        return Err(RefundError::TooMuch(Paise(left.max(0))));
    }
    let refund_id = payments::insert_refund(&mut tx, order_id, amount.0, reason, by).await?;
    tx.commit().await?;
    match gateway.refund(&payment_id, amount.0, refund_id).await {
        Ok(refund) => {
            payments::refund_sent(pool, refund_id, &refund.id, &refund.status).await?;
            Ok(refund.status)
        }
        // Razorpay said no: nothing was refunded.
        Err(e @ super::client::GatewayError::Refused { .. }) => {
            payments::refund_failed(pool, refund_id).await?;
            Err(e.into())
        }
        // No answer: Razorpay may have made it. The refund stays requested
        // (still counted against the payment) until its webhook says.
        Err(e) => Err(RefundError::NoAnswer(e)),
    }
}

pub async fn lines(pool: &PgPool, order_id: i64) -> sqlx::Result<Vec<RefundLine>> {
    Ok(payments::refunds(pool, order_id)
        .await?
        .into_iter()
        .map(|r| RefundLine {
            amount: Paise(r.amount_paise),
            reason: r.reason,
            status: r.status,
            at: r.at,
        })
        .collect())
}

/// An online order's payment, refunds and flags, for its admin page.
pub async fn admin_view(
    pool: &PgPool,
    order_id: i64,
) -> sqlx::Result<crate::domain::AdminOnlinePayment> {
    let order = payments::by_id(pool, order_id).await?;
    let payment_id = order.and_then(|o| o.razorpay_payment_id);
    let refundable = if payment_id.is_some() {
        let mut conn = pool.acquire().await?;
        payments::refundable_paise(&mut conn, order_id).await?
    } else {
        0
    };
    Ok(crate::domain::AdminOnlinePayment {
        payment_id,
        refundable: Paise(refundable.max(0)),
        refunds: lines(pool, order_id).await?,
        flags: super::settle::flag_lines(pool, Some(order_id)).await?,
    })
}
