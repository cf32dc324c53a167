//! An online order gets its Razorpay order (for Checkout) and its payment
//! link (for browsers without JavaScript) right after it is placed. Either
//! call may fail: the order is kept, and the order page asks again.

use super::client::{GatewayError, NewPaymentLink, PaymentGateway};
use crate::{
    db::payments::{self, OnlineOrder},
    domain::PayOnline,
    server::state::AppState,
};

/// Razorpay wants a link to stay payable at least 15 minutes.
const LINK_MIN_LIFETIME_SECS: i64 = 16 * 60;

#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    #[error(transparent)]
    Gateway(#[from] GatewayError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("online payment is not set up")]
    NotSetUp,
}

/// Creates what the order still lacks; returns the order as stored after.
pub async fn prepare(state: &AppState, order: OnlineOrder) -> Result<OnlineOrder, PrepareError> {
    if order.razorpay_order_id.is_some() && order.payment_link_id.is_some() {
        return Ok(order);
    }
    let pool = &state.pool;
    let gateway = state
        .razorpay
        .gateway(pool)
        .await?
        .ok_or(PrepareError::NotSetUp)?;
    if order.razorpay_order_id.is_none() {
        let created = gateway
            .create_order(order.total_paise, &order.reference)
            .await?;
        // Two requests at once may both create one; the first stored wins
        // and the other is never shown to anybody, so it is never paid.
        payments::set_gateway_order(pool, order.id, &created.id).await?;
    }
    if order.payment_link_id.is_none() {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let expire_by = order
            .expires_at
            .unwrap_or(now)
            .max(now + LINK_MIN_LIFETIME_SECS);
        let description = format!("Order {}", order.reference);
        let callback = state.config.link(super::payment_return::PATH);
        // Razorpay refuses a reference it has seen: a link made but whose
        // answer was lost must not block the next attempt.
        let link_reference = format!("{}-{:06x}", order.reference, rand::random::<u32>() >> 8);
        let link = gateway
            .create_payment_link(NewPaymentLink {
                amount_paise: order.total_paise,
                reference: &order.reference,
                reference_id: &link_reference,
                description: &description,
                customer_name: &order.customer_name,
                email: &order.email,
                contact: &order.mobile,
                callback_url: &callback,
                expire_by,
            })
            .await?;
        payments::set_payment_link(pool, order.id, &link.id, &link.short_url).await?;
    }
    Ok(payments::by_id(pool, order.id).await?.unwrap_or(order))
}

/// Right after checkout: a failure here is logged and tried again when the
/// order page is opened (the order and its stock are kept either way).
pub async fn for_new_order(state: &AppState, reference: &str) {
    let order = match payments::by_reference(&state.pool, reference).await {
        Ok(Some(order)) => order,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!("order {reference}: reading it for online payment: {e}");
            return;
        }
    };
    if let Err(e) = prepare(state, order).await {
        tracing::warn!("order {reference}: preparing online payment: {e}");
    }
}

/// What the order page needs to take an online payment, preparing it first
/// if checkout could not; `None` while Razorpay cannot be reached.
pub async fn pay_online(state: &AppState, order_id: i64) -> Option<PayOnline> {
    let order = match payments::by_id(&state.pool, order_id).await {
        Ok(Some(order)) => order,
        Ok(None) => return None,
        Err(e) => {
            tracing::warn!("reading an online order: {e}");
            return None;
        }
    };
    let reference = order.reference.clone();
    let order = match prepare(state, order).await {
        Ok(order) => order,
        Err(e) => {
            tracing::warn!("order {reference}: preparing online payment: {e}");
            return None;
        }
    };
    let site = crate::server::shop_settings::current().await.ok()?;
    Some(PayOnline {
        key_id: site.razorpay_key_id,
        gateway_order_id: order.razorpay_order_id,
        link_url: order.payment_link_url,
        checkout_js: state.razorpay.checkout_js.clone(),
        business_name: site.business_name,
        email: order.email,
        mobile: order.mobile,
    })
}
