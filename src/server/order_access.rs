//! Who may see an order: the account that placed it, the browser session
//! that placed it as a guest (its references are kept in the session), or
//! anyone holding the order's link, whose key was emailed to the customer
//! (so a guest can pay from another device, and a reply whose session could
//! not be saved still leads to the order).

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

pub async fn may_view(order: &OrderRow, key: &str) -> Result<bool, AppError> {
    if !key.is_empty() && key_opens(order, key).await? {
        return Ok(true);
    }
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

async fn key_opens(order: &OrderRow, key: &str) -> Result<bool, AppError> {
    use subtle::ConstantTimeEq;
    let stored = orders::access_key_hash(&app_state().pool, order.id)
        .await
        .or_internal("reading the order's key")?;
    Ok(stored.is_some_and(|stored| bool::from(stored.ct_eq(&hash_key(key)))))
}

/// The order with `reference` if the caller may see it (`key` is the one
/// from the order's link, or empty); someone else's order answers 404
/// exactly like no order, so references cannot be probed.
pub async fn viewable_order(reference: &str, key: &str) -> Result<OrderRow, AppError> {
    let order = orders::by_reference(&app_state().pool, reference)
        .await
        .or_internal("finding an order")?;
    match order {
        Some(order) if may_view(&order, key).await? => Ok(order),
        _ => Err(not_found()),
    }
}

/// A new key for an order's link (128 random bits, as 32 hex digits) and the
/// SHA-256 of it, which is all that is stored.
pub fn new_access_key() -> (String, Vec<u8>) {
    let bytes: [u8; 16] = rand::random();
    let key = hex::encode(bytes);
    let hash = hash_key(&key);
    (key, hash)
}

fn hash_key(key: &str) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    Sha256::digest(key.as_bytes()).to_vec()
}

/// The path of an order's page that opens it on any device.
pub fn order_link(reference: &str, key: &str) -> String {
    format!("/orders/{reference}?key={key}")
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
