//! Online orders still unpaid a few minutes after checkout are looked up at
//! Razorpay (their order's payments, their payment link), so a lost webhook
//! or a closed browser never leaves a paid order unpaid. Those whose time is
//! up and that Razorpay holds no payment for expire, returning their stock;
//! while Razorpay cannot be reached, nothing expires.

use super::{
    client::{GatewayError, Payment, PaymentGateway},
    settle::settle,
};
use crate::{
    db::payments,
    server::{order_expiry, state::AppState},
};
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60);

/// One round; returns how many orders it settled or expired.
pub async fn run_once(state: &AppState, after: Duration) -> Result<u32, String> {
    let pool = &state.pool;
    let Some(gateway) = state
        .razorpay
        .gateway(pool)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(0);
    };
    let mut changed = 0;
    let unsettled = payments::unsettled(pool, after.as_secs() as i64)
        .await
        .map_err(|e| e.to_string())?;
    for order_id in unsettled {
        let outcome = reconcile(state, &gateway, order_id).await;
        payments::reconciled(pool, order_id)
            .await
            .map_err(|e| e.to_string())?;
        match outcome {
            Ok(true) => changed += 1,
            Ok(false) => {}
            // The next round tries again.
            Err(e) => tracing::warn!(order_id, "reconciling an online order: {e}"),
        }
    }
    Ok(changed)
}

async fn reconcile(
    state: &AppState,
    gateway: &impl PaymentGateway,
    order_id: i64,
) -> Result<bool, String> {
    let pool = &state.pool;
    let Some(order) = payments::by_id(pool, order_id)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(false);
    };
    let mut captured: Vec<Payment> = Vec::new();
    if let Some(id) = &order.razorpay_order_id {
        let found = unknown_is_empty(gateway.order_payments(id).await)?;
        captured.extend(found.into_iter().filter(|p| p.status == "captured"));
    }
    let link = match &order.payment_link_id {
        Some(id) => unknown_is_empty(gateway.payment_link(id).await.map(Some))?,
        None => None,
    };
    if let Some(link) = link {
        captured.extend(
            link.payments
                .unwrap_or_default()
                .into_iter()
                .filter(|p| p.status == "captured")
                .map(|p| Payment {
                    id: p.payment_id,
                    amount: p.amount,
                    status: p.status,
                    order_id: None,
                    notes_reference: None,
                }),
        );
    }
    let mut changed = false;
    for payment in &captured {
        let outcome = settle(state, order.id, payment)
            .await
            .map_err(|e| e.to_string())?;
        changed |= outcome == super::settle::Outcome::Paid;
    }
    if captured.is_empty()
        && payments::is_due(pool, order.id)
            .await
            .map_err(|e| e.to_string())?
    {
        let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
        changed |= order_expiry::expire(&mut tx, order.id, "awaiting_payment")
            .await
            .map_err(|e| e.to_string())?;
        tx.commit().await.map_err(|e| e.to_string())?;
    }
    Ok(changed)
}

/// Razorpay answering that it does not know an id (keys changed from test to
/// live, say) means it holds no payment for it: the order may then expire.
/// Any other failure is tried again next round.
fn unknown_is_empty<T: Default>(answer: Result<T, GatewayError>) -> Result<T, String> {
    match answer {
        Ok(found) => Ok(found),
        Err(GatewayError::Refused {
            status: 400 | 404, ..
        }) => Ok(T::default()),
        Err(e) => Err(e.to_string()),
    }
}

pub async fn run(state: AppState) {
    let after = state.config.razorpay.reconcile_after;
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match run_once(&state, after).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(changed = n, "online orders reconciled with Razorpay"),
            Err(e) => tracing::error!("reconciling online orders: {e}"),
        }
    }
}
