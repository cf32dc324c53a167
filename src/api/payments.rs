//! Online payment from the order page: Razorpay Checkout's handler sends
//! what it was given, and the server checks Razorpay's signature before the
//! order is marked paid.

use crate::domain::AppError;
use leptos::prelude::*;

pub const NOT_VERIFIED: &str =
    "We could not verify this payment. If money left your account, it will show here within minutes.";

/// `razorpay_order_id` is what the browser sent; the signature is checked
/// against the id we stored for this order, never against that one.
#[server(prefix = "/api", endpoint = "confirm_online_payment")]
pub async fn confirm_online_payment(
    reference: String,
    #[server(default)] key: String,
    razorpay_payment_id: String,
    #[server(default)] razorpay_order_id: String,
    razorpay_signature: String,
) -> Result<(), AppError> {
    use crate::{
        db::{payments, settings},
        server::{
            errors::OrInternal,
            order_access::viewable_order,
            razorpay::{
                client::Payment,
                settle::{settle, Outcome},
                signature::{checkout_message, verify},
            },
            state::app_state,
        },
    };
    let _ = razorpay_order_id;
    let state = app_state();
    let order = viewable_order(&reference, &key).await?;
    let online = payments::by_id(&state.pool, order.id)
        .await
        .or_internal("reading the order")?;
    let keys = settings::razorpay_keys(&state.pool)
        .await
        .or_internal("reading the keys")?;
    let stored = online.and_then(|o| o.razorpay_order_id);
    let verified = stored.as_deref().is_some_and(|order_id| {
        verify(
            &keys.key_secret,
            checkout_message(order_id, &razorpay_payment_id).as_bytes(),
            &razorpay_signature,
        )
    });
    if !verified {
        tracing::warn!(order = %reference, "a Checkout payment whose signature does not verify");
        return Err(AppError::form(NOT_VERIFIED, Vec::new()));
    }
    // The Razorpay order was made for exactly this order's total.
    let payment = Payment {
        id: razorpay_payment_id,
        amount: order.total_paise,
        status: "captured".into(),
        order_id: stored,
        notes_reference: None,
    };
    match settle(&state, order.id, &payment)
        .await
        .or_internal("recording the payment")?
    {
        Outcome::Paid | Outcome::AlreadySettled => Ok(()),
        Outcome::Flagged => Err(AppError::form(
            "Your payment arrived after this order ended. The shop will refund it or contact you.",
            Vec::new(),
        )),
    }
}
