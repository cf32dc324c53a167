//! Who may see an order: the account that placed it, or the browser session
//! that placed it as a guest (its references are kept in the session).

use super::{
    auth::AuthSession,
    errors::{not_found, OrInternal},
    state::app_state,
};
use crate::{
    db::orders::{self, OrderRow},
    domain::AppError,
};

const GUEST_ORDERS: &str = "guest_orders";

pub async fn remember_guest_order(reference: &str) -> Result<(), AppError> {
    let auth: AuthSession = leptos_axum::extract()
        .await
        .or_internal("reading the session")?;
    let mut references: Vec<String> = auth
        .session
        .get(GUEST_ORDERS)
        .await
        .or_internal("reading orders")?
        .unwrap_or_default();
    references.push(reference.to_string());
    // A guest needs only their recent orders.
    let keep_from = references.len().saturating_sub(20);
    auth.session
        .insert(GUEST_ORDERS, &references[keep_from..])
        .await
        .or_internal("remembering the order")
}

pub async fn may_view(order: &OrderRow) -> Result<bool, AppError> {
    let auth: AuthSession = leptos_axum::extract()
        .await
        .or_internal("reading the session")?;
    if let (Some(owner), Some(user)) = (order.user_id, &auth.user) {
        return Ok(owner == user.0.id);
    }
    if order.user_id.is_some() {
        return Ok(false);
    }
    let references: Vec<String> = auth
        .session
        .get(GUEST_ORDERS)
        .await
        .or_internal("reading orders")?
        .unwrap_or_default();
    Ok(references.iter().any(|r| r == &order.reference))
}

/// The order with `reference` if the caller may see it; someone else's order
/// answers 404 exactly like no order, so references cannot be probed.
pub async fn viewable_order(reference: &str) -> Result<OrderRow, AppError> {
    let order = orders::by_reference(&app_state().pool, reference)
        .await
        .or_internal("finding an order")?;
    match order {
        Some(order) if may_view(&order).await? => Ok(order),
        _ => Err(not_found()),
    }
}

/// A short order reference customers can read out and type: `H` and seven
/// characters without look-alikes (no 0/O, 1/I/L).
pub fn new_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    let tail: String = (0..7)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("H{tail}")
}
