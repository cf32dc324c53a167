//! The stock ledger. Every change of `products.stock` is written to
//! `stock_movements` by a database trigger; the code here says *why* (the
//! transaction's reason, order and person) and adjusts stock by hand.

use crate::domain::StockMovement;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// Why the stock changes in this transaction, read by the ledger trigger.
pub struct StockReason<'a> {
    pub reason: &'a str,
    pub order_id: Option<i64>,
    pub actor_id: Option<Uuid>,
    pub note: &'a str,
}

pub async fn set_reason(tx: &mut PgConnection, why: StockReason<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        r#"SELECT set_config('haat.stock_reason', $1, true) AS "reason",
                  set_config('haat.stock_order', $2, true) AS "order",
                  set_config('haat.actor', $3, true) AS "actor",
                  set_config('haat.stock_note', $4, true) AS "note""#,
        why.reason,
        why.order_id.map(|id| id.to_string()).unwrap_or_default(),
        why.actor_id.map(|id| id.to_string()).unwrap_or_default(),
        why.note
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(())
}

/// Adds `delta` (negative to take away) unless stock would go below zero;
/// `Some(new stock)`, or `None` when there is not enough.
pub async fn adjust(
    tx: &mut PgConnection,
    product_id: i32,
    delta: i32,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        "UPDATE products SET stock = stock + $2, updated_at = now()
         WHERE id = $1 AND stock + $2 >= 0 RETURNING stock",
        product_id,
        delta
    )
    .fetch_optional(&mut *tx)
    .await
}

/// The units on hand and whether the product is kept in batches, or `None`
/// when there is no such product.
pub async fn on_hand(
    db: impl PgExecutor<'_>,
    product_id: i32,
) -> sqlx::Result<Option<(i32, bool)>> {
    let row = sqlx::query!(
        "SELECT stock, batch_tracked FROM products WHERE id = $1",
        product_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.stock, r.batch_tracked)))
}

/// The newest movements of a product first.
pub async fn movements(
    db: impl PgExecutor<'_>,
    product_id: i32,
    limit: i64,
) -> sqlx::Result<Vec<StockMovement>> {
    sqlx::query_as!(
        StockMovement,
        r#"SELECT to_char(m.at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "at!",
                  b.batch_no AS "batch?", m.delta, m.stock_after, m.reason, o.reference AS "order_reference?",
                  u.name AS "actor?", m.note
           FROM stock_movements m
           LEFT JOIN orders o ON o.id = m.order_id
           LEFT JOIN users u ON u.id = m.actor_id
           LEFT JOIN product_batches b ON b.id = m.batch_id
           WHERE m.product_id = $1 ORDER BY m.id DESC LIMIT $2"#,
        product_id,
        limit
    )
    .fetch_all(db)
    .await
}

/// Products not kept in batches whose stock differs from the sum of their
/// ledger (always none; batches have `batches::ledger_mismatches`).
pub async fn ledger_mismatches(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<(String, i32, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT p.sku, p.stock, coalesce(sum(m.delta), 0)::bigint AS "ledger!"
           FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id
           WHERE NOT p.batch_tracked
           GROUP BY p.id HAVING p.stock <> coalesce(sum(m.delta), 0)"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.sku, r.stock, r.ledger))
        .collect())
}

pub struct LowStockEvent {
    pub id: i64,
    pub product_name: String,
    pub sku: String,
    pub product_id: i32,
    pub stock: i32,
}

/// Locks the low-stock events not yet emailed; the caller marks them sent.
pub async fn take_low_stock_events(tx: &mut PgConnection) -> sqlx::Result<Vec<LowStockEvent>> {
    let events = sqlx::query_as!(
        LowStockEvent,
        "SELECT e.id, p.name AS product_name, p.sku, p.id AS product_id, e.stock
         FROM low_stock_events e JOIN products p ON p.id = e.product_id
         WHERE e.sent_at IS NULL ORDER BY e.id FOR UPDATE OF e SKIP LOCKED LIMIT 100"
    )
    .fetch_all(&mut *tx)
    .await?;
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    sqlx::query!(
        "UPDATE low_stock_events SET sent_at = now() WHERE id = ANY($1)",
        &ids
    )
    .execute(&mut *tx)
    .await?;
    Ok(events)
}
