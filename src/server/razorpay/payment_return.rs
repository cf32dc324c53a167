//! `GET /payments/razorpay/return`: where a payment link sends the customer
//! back after paying, with a signed query. A verified "paid" settles the
//! order; the customer lands on their order page either way.

use super::{
    client::Payment,
    settle::settle,
    signature::{payment_link_message, verify},
};
use crate::{
    db::{payments, settings},
    server::state::AppState,
};
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

pub const PATH: &str = "/payments/razorpay/return";

#[derive(Deserialize)]
pub struct Callback {
    #[serde(default)]
    razorpay_payment_id: String,
    #[serde(default)]
    razorpay_payment_link_id: String,
    #[serde(default)]
    razorpay_payment_link_reference_id: String,
    #[serde(default)]
    razorpay_payment_link_status: String,
    #[serde(default)]
    razorpay_signature: String,
}

pub async fn payment_return(
    State(state): State<AppState>,
    Query(back): Query<Callback>,
) -> Response {
    let refused = || {
        (
            StatusCode::BAD_REQUEST,
            "This payment confirmation could not be verified. If you paid, your order page will show it shortly.",
        )
            .into_response()
    };
    let unavailable = |e: sqlx::Error| {
        tracing::error!("payment return: {e}");
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "We could not record your payment just now; it will show on your order page shortly.",
        )
            .into_response()
    };
    let keys = match settings::razorpay_keys(&state.pool).await {
        Ok(keys) => keys,
        Err(e) => return unavailable(e),
    };
    let message = payment_link_message(
        &back.razorpay_payment_link_id,
        &back.razorpay_payment_link_reference_id,
        &back.razorpay_payment_link_status,
        &back.razorpay_payment_id,
    );
    if !verify(
        &keys.key_secret,
        message.as_bytes(),
        &back.razorpay_signature,
    ) {
        tracing::warn!("payment link return with a signature that does not verify");
        return refused();
    }
    let order = match payments::by_payment_link(&state.pool, &back.razorpay_payment_link_id).await {
        Ok(Some(order)) => order,
        Ok(None) => return refused(),
        Err(e) => return unavailable(e),
    };
    if back.razorpay_payment_link_status == "paid" {
        // The link was made for exactly the order's total and cannot be paid in part.
        let payment = Payment {
            id: back.razorpay_payment_id.clone(),
            amount: order.total_paise,
            status: "captured".into(),
            order_id: None,
            notes_reference: None,
        };
        if let Err(e) = settle(&state, order.id, &payment).await {
            return unavailable(e);
        }
    }
    Redirect::to(&format!("/orders/{}", order.reference)).into_response()
}
