//! `POST /webhooks/razorpay`: the raw body is checked against
//! `X-Razorpay-Signature` (HMAC-SHA256 with the webhook secret) before it is
//! parsed, stored once per `X-Razorpay-Event-Id`, and answered at once. A
//! worker on every instance handles stored events (woken by a NOTIFY from
//! the insert), so a slow database or Razorpay never delays the 2xx.

use super::{
    client::Payment,
    settle::{flag_unknown, settle, Outcome},
    signature::verify,
};
use crate::{
    db::{payments, settings},
    server::state::AppState,
};
use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
};
use serde_json::Value;
use std::time::Duration;

pub const PATH: &str = "/webhooks/razorpay";

pub async fn receive(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let secret = match settings::razorpay_keys(&state.pool).await {
        Ok(keys) => keys.webhook_secret,
        Err(e) => {
            tracing::error!("webhook: reading the secret: {e}");
            // Razorpay delivers again later.
            return StatusCode::SERVICE_UNAVAILABLE;
        }
    };
    let signed = header("x-razorpay-signature").is_some_and(|s| verify(&secret, &body, s));
    if !signed {
        tracing::warn!("webhook refused: its signature does not verify");
        return StatusCode::BAD_REQUEST;
    }
    let Some(event_id) = header("x-razorpay-event-id").filter(|id| id.len() <= 100) else {
        return StatusCode::BAD_REQUEST;
    };
    let Ok(payload) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    let event = payload["event"].as_str().unwrap_or_default().to_string();
    match payments::store_event(&state.pool, event_id, &event, &payload).await {
        Ok(_) => StatusCode::OK,
        Err(e) => {
            tracing::error!("webhook: storing event {event_id}: {e}");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}

/// Handles every stored event no other worker holds; returns how many.
pub async fn handle_pending(state: &AppState) -> sqlx::Result<u32> {
    let mut handled = 0;
    loop {
        let mut tx = state.pool.begin().await?;
        let Some(event) = payments::claim_event(&mut tx).await? else {
            return Ok(handled);
        };
        match handle(state, &event.event, &event.payload).await {
            Ok(()) => payments::event_handled(&mut *tx, &event.event_id).await?,
            Err(e) => {
                tracing::error!(event = %event.event_id, "handling a Razorpay event: {e}");
                payments::event_failed(&mut *tx, &event.event_id, &e.to_string()).await?;
                tx.commit().await?;
                // Tried again on the next round, not at once (a database
                // hiccup must not use up its attempts in a moment).
                return Ok(handled);
            }
        }
        tx.commit().await?;
        handled += 1;
    }
}

async fn handle(state: &AppState, event: &str, payload: &Value) -> sqlx::Result<()> {
    let entity = |name: &str| &payload["payload"][name]["entity"];
    match event {
        "payment.captured" | "order.paid" => {
            let Some(payment) = payment(entity("payment")) else {
                return Ok(());
            };
            settle_captured(state, &payment).await?;
        }
        "payment_link.paid" => {
            let (Some(payment), Some(link_id)) = (
                payment(entity("payment")),
                entity("payment_link")["id"].as_str(),
            ) else {
                return Ok(());
            };
            match payments::by_payment_link(&state.pool, link_id).await? {
                Some(order) => settle(state, order.id, &payment).await?,
                None => flag_unknown(state, &payment).await?,
            };
        }
        "payment.failed" => {
            // The order keeps waiting: the customer may try again until it expires.
            let id = entity("payment")["id"].as_str().unwrap_or_default();
            tracing::info!(payment = %id, "a Razorpay payment failed");
        }
        "refund.processed" | "refund.failed" => {
            let refund = entity("refund");
            let Some(id) = refund["id"].as_str() else {
                return Ok(());
            };
            let ours = refund["notes"]["haat_refund"]
                .as_str()
                .and_then(|n| n.parse().ok());
            let status = if event == "refund.processed" {
                "processed"
            } else {
                "failed"
            };
            payments::refund_settled(&state.pool, id, ours, status).await?;
        }
        other => tracing::debug!("ignoring Razorpay event {other}"),
    }
    Ok(())
}

/// A captured payment found by its Razorpay order, or by the reference kept
/// in its notes (a payment link's payment carries the link's order instead).
async fn settle_captured(state: &AppState, payment: &Payment) -> sqlx::Result<Outcome> {
    if payment.status != "captured" {
        return Ok(Outcome::AlreadySettled);
    }
    let by_order = match &payment.order_id {
        Some(id) => payments::by_gateway_order(&state.pool, id).await?,
        None => None,
    };
    let order = match by_order {
        Some(order) => Some(order),
        None => match &payment.notes_reference {
            Some(reference) => payments::by_reference(&state.pool, reference).await?,
            None => None,
        },
    };
    match order {
        Some(order) => settle(state, order.id, payment).await,
        // A payment link's payment carries Razorpay's own order, and its
        // `payment_link.paid` may have settled our order already.
        None if payments::payment_is_known(&state.pool, &payment.id).await? => {
            Ok(Outcome::AlreadySettled)
        }
        None => flag_unknown(state, payment).await,
    }
}

fn payment(entity: &Value) -> Option<Payment> {
    // The shop sells in rupees: a payment in another currency pays nothing.
    let currency = entity["currency"].as_str().unwrap_or("INR");
    Some(Payment {
        id: entity["id"].as_str()?.to_string(),
        amount: entity["amount"].as_i64().filter(|_| currency == "INR")?,
        status: entity["status"].as_str().unwrap_or("captured").to_string(),
        order_id: entity["order_id"].as_str().map(str::to_string),
        notes_reference: entity["notes"]["haat_order"].as_str().map(str::to_string),
    })
}

/// Handles events as they arrive (woken by `notifications`), and every
/// half minute in case a wake-up was missed.
pub async fn run(state: AppState) {
    loop {
        if let Err(e) = handle_pending(&state).await {
            tracing::error!("handling Razorpay events: {e}");
        }
        let _ = tokio::time::timeout(Duration::from_secs(30), state.razorpay.wake.notified()).await;
    }
}
