//! Unpaid orders that keep stock from other shoppers: finding those whose
//! time is up, expiring one, and counting a customer's (see
//! `server::order_expiry` for the job that uses them).

use sqlx::{PgConnection, PgExecutor};

/// How long the most overdue unpaid order has been waiting for the expiry
/// job (0 when none is overdue): a job that stopped shows here first.
pub async fn lag_seconds(db: impl PgExecutor<'_>) -> sqlx::Result<f64> {
    sqlx::query_scalar!(
        r#"SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(expires_at))::float8, 0) AS "lag!"
           FROM orders
           WHERE status IN ('awaiting_payment', 'payment_submitted', 'to_pay_at_pickup')
             AND expires_at <= now()"#
    )
    .fetch_one(db)
    .await
}

/// Due orders, except online ones (Razorpay is asked about those first:
/// see `server::razorpay::reconcile`), locked for the caller's transaction:
/// `(id, status)`.
pub async fn due_offline(tx: &mut PgConnection) -> sqlx::Result<Vec<(i64, String)>> {
    let due = sqlx::query!(
        "SELECT id, status FROM orders
         WHERE status IN ('awaiting_payment', 'payment_submitted', 'to_pay_at_pickup')
           AND expires_at <= now() AND payment_method <> 'razorpay'
         ORDER BY id FOR UPDATE SKIP LOCKED"
    )
    .fetch_all(&mut *tx)
    .await?;
    Ok(due.into_iter().map(|o| (o.id, o.status)).collect())
}

pub struct Expired {
    pub reference: String,
    pub customer_name: String,
    pub email: String,
    pub total_paise: i64,
}

/// Expires one order that is still in `from` and returns its stock
/// (recorded in the ledger against the order); `None` when the order had
/// already moved on.
pub async fn expire(
    tx: &mut PgConnection,
    order_id: i64,
    from: &str,
) -> sqlx::Result<Option<Expired>> {
    let Some(order) = sqlx::query_as!(
        Expired,
        "UPDATE orders SET status = 'expired' WHERE id = $1 AND status = $2
         RETURNING reference, customer_name, email, total_paise",
        order_id,
        from
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    super::stock::set_reason(
        tx,
        super::stock::StockReason {
            reason: "expired",
            order_id: Some(order_id),
            actor_id: None,
            note: "",
        },
    )
    .await?;
    super::admin_orders::return_stock(tx, order_id).await?;
    sqlx::query!(
        "INSERT INTO order_events (order_id, status) VALUES ($1, 'expired')",
        order_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(Some(order))
}

/// A customer's orders still holding stock without being paid, counted under
/// a lock on the email so that two checkouts at once cannot both slip under
/// the cap (the lock lasts until the caller's transaction ends). A checkout
/// waits at most a few seconds for it: the per-email rate limit bounds how
/// many can wait at once.
pub async fn lock_and_count_unpaid(
    tx: &mut PgConnection,
    email: &str,
    user_id: Option<uuid::Uuid>,
) -> sqlx::Result<i64> {
    sqlx::query!("SET LOCAL lock_timeout = '5s'")
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "SELECT pg_advisory_xact_lock(hashtext('unpaid-orders:' || lower($1)))",
        email
    )
    .execute(&mut *tx)
    .await?;
    // Row locks taken later in the order (stock) wait as long as they need.
    sqlx::query!("SET LOCAL lock_timeout = DEFAULT")
        .execute(&mut *tx)
        .await?;
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM orders
           WHERE status IN ('awaiting_payment', 'payment_submitted', 'to_pay_at_pickup')
             AND (lower(email) = lower($1) OR user_id = $2)"#,
        email,
        user_id
    )
    .fetch_one(&mut *tx)
    .await
}
