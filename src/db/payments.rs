//! Online payments through Razorpay: the gateway's ids on our orders, the
//! payment that settled an order, webhook deliveries waiting to be handled,
//! payments flagged for staff, and refunds.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// An order as online payment sees it.
#[derive(Debug, Clone)]
pub struct OnlineOrder {
    pub id: i64,
    pub reference: String,
    pub status: String,
    pub payment_method: String,
    pub total_paise: i64,
    pub customer_name: String,
    pub email: String,
    pub mobile: String,
    pub razorpay_order_id: Option<String>,
    pub razorpay_payment_id: Option<String>,
    pub payment_link_id: Option<String>,
    pub payment_link_url: Option<String>,
    /// Unix seconds, for the payment link's own expiry.
    pub expires_at: Option<i64>,
}

macro_rules! online_order_where {
    ($db:expr, $condition:literal, $value:expr) => {
        sqlx::query_as!(
            OnlineOrder,
            r#"SELECT id, reference, status, payment_method, total_paise, customer_name, email, mobile,
                      razorpay_order_id, razorpay_payment_id, payment_link_id, payment_link_url,
                      EXTRACT(EPOCH FROM expires_at)::bigint AS expires_at
               FROM orders WHERE "# + $condition,
            $value
        )
        .fetch_optional($db)
        .await
    };
}

pub async fn by_id(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<Option<OnlineOrder>> {
    online_order_where!(db, "id = $1", id)
}

/// Locks the order until the caller's transaction ends: settling a payment
/// and refunding read and write it under this lock.
pub async fn lock(tx: &mut PgConnection, id: i64) -> sqlx::Result<Option<OnlineOrder>> {
    online_order_where!(&mut *tx, "id = $1 FOR UPDATE", id)
}

pub async fn by_gateway_order(
    db: impl PgExecutor<'_>,
    razorpay_order_id: &str,
) -> sqlx::Result<Option<OnlineOrder>> {
    online_order_where!(db, "razorpay_order_id = $1", razorpay_order_id)
}

pub async fn by_payment_link(
    db: impl PgExecutor<'_>,
    link_id: &str,
) -> sqlx::Result<Option<OnlineOrder>> {
    online_order_where!(db, "payment_link_id = $1", link_id)
}

pub async fn by_reference(
    db: impl PgExecutor<'_>,
    reference: &str,
) -> sqlx::Result<Option<OnlineOrder>> {
    online_order_where!(db, "reference = $1", reference)
}

/// Stores the gateway's order id unless one is stored already; `false` then.
pub async fn set_gateway_order(
    db: impl PgExecutor<'_>,
    id: i64,
    razorpay_order_id: &str,
) -> sqlx::Result<bool> {
    let stored = sqlx::query!(
        "UPDATE orders SET razorpay_order_id = $2 WHERE id = $1 AND razorpay_order_id IS NULL",
        id,
        razorpay_order_id
    )
    .execute(db)
    .await?;
    Ok(stored.rows_affected() == 1)
}

pub async fn set_payment_link(
    db: impl PgExecutor<'_>,
    id: i64,
    link_id: &str,
    url: &str,
) -> sqlx::Result<bool> {
    let stored = sqlx::query!(
        "UPDATE orders SET payment_link_id = $2, payment_link_url = $3
         WHERE id = $1 AND payment_link_id IS NULL",
        id,
        link_id,
        url
    )
    .execute(db)
    .await?;
    Ok(stored.rows_affected() == 1)
}

/// Marks an order awaiting payment paid by `payment_id`; `false` when it was
/// not awaiting payment (an order never moves back from paid).
pub async fn mark_paid(tx: &mut PgConnection, id: i64, payment_id: &str) -> sqlx::Result<bool> {
    let paid = sqlx::query!(
        "UPDATE orders SET status = 'paid', razorpay_payment_id = $2, paid_at = now()
         WHERE id = $1 AND status = 'awaiting_payment'",
        id,
        payment_id
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if paid {
        sqlx::query!(
            "INSERT INTO order_events (order_id, status, note) VALUES ($1, 'paid', $2)",
            id,
            format!("Razorpay payment {payment_id}")
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(paid)
}

pub struct NewFlag<'a> {
    pub order_id: Option<i64>,
    pub payment_id: &'a str,
    pub razorpay_order_id: Option<&'a str>,
    pub amount_paise: i64,
    pub reason: &'a str,
}

/// Flags a payment for staff, once per payment and reason.
pub async fn flag(db: impl PgExecutor<'_>, flag: NewFlag<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO payment_flags (order_id, razorpay_payment_id, razorpay_order_id, amount_paise, reason)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (razorpay_payment_id, reason) DO NOTHING",
        flag.order_id,
        flag.payment_id,
        flag.razorpay_order_id,
        flag.amount_paise,
        flag.reason
    )
    .execute(db)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct FlagRow {
    pub reference: Option<String>,
    pub payment_id: String,
    pub amount_paise: i64,
    pub reason: String,
    pub at: String,
}

/// Flags on one order, or every flag (newest first, at most 200) with `None`.
pub async fn flags(db: impl PgExecutor<'_>, order_id: Option<i64>) -> sqlx::Result<Vec<FlagRow>> {
    sqlx::query_as!(
        FlagRow,
        r#"SELECT o.reference AS "reference?", f.razorpay_payment_id AS payment_id, f.amount_paise,
                  f.reason, to_char(f.created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "at!"
           FROM payment_flags f LEFT JOIN orders o ON o.id = f.order_id
           WHERE $1::bigint IS NULL OR f.order_id = $1
           ORDER BY f.created_at DESC LIMIT 200"#,
        order_id
    )
    .fetch_all(db)
    .await
}

/// Online orders still awaiting payment `after_secs` after they were placed,
/// those asked about longest ago first: reconciliation asks Razorpay.
pub async fn unsettled(db: impl PgExecutor<'_>, after_secs: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar!(
        "SELECT id FROM orders
         WHERE payment_method = 'razorpay' AND status = 'awaiting_payment'
           AND placed_at <= now() - make_interval(secs => $1::bigint)
         ORDER BY reconciled_at NULLS FIRST, placed_at LIMIT 100",
        after_secs
    )
    .fetch_all(db)
    .await
}

/// Whether the order's time to pay is over.
pub async fn is_due(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<bool> {
    let due = sqlx::query_scalar!(
        r#"SELECT coalesce(expires_at <= now(), false) AS "due!" FROM orders WHERE id = $1"#,
        id
    )
    .fetch_one(db)
    .await?;
    Ok(due)
}

/// Stores a webhook delivery; `false` when its event id was stored before.
pub async fn store_event(
    db: impl PgExecutor<'_>,
    event_id: &str,
    event: &str,
    payload: &serde_json::Value,
) -> sqlx::Result<bool> {
    let stored = sqlx::query!(
        "INSERT INTO razorpay_events (event_id, event, payload) VALUES ($1, $2, $3)
         ON CONFLICT (event_id) DO NOTHING",
        event_id,
        event,
        payload
    )
    .execute(db)
    .await?;
    Ok(stored.rows_affected() == 1)
}

pub struct StoredEvent {
    pub event_id: String,
    pub event: String,
    pub payload: serde_json::Value,
}

/// The oldest unhandled event no other worker holds, locked for `tx`.
/// Events that failed ten times wait for staff (their error is kept).
pub async fn claim_event(tx: &mut PgConnection) -> sqlx::Result<Option<StoredEvent>> {
    sqlx::query_as!(
        StoredEvent,
        "SELECT event_id, event, payload FROM razorpay_events
         WHERE handled_at IS NULL AND attempts < 10
         ORDER BY received_at FOR UPDATE SKIP LOCKED LIMIT 1"
    )
    .fetch_optional(&mut *tx)
    .await
}

pub async fn event_handled(db: impl PgExecutor<'_>, event_id: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE razorpay_events SET handled_at = now(), attempts = attempts + 1 WHERE event_id = $1",
        event_id
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn event_failed(
    db: impl PgExecutor<'_>,
    event_id: &str,
    error: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE razorpay_events SET attempts = attempts + 1, last_error = $2 WHERE event_id = $1",
        event_id,
        error
    )
    .execute(db)
    .await?;
    Ok(())
}

/// How much of a locked order's payment is still refundable: its total less
/// refunds not failed.
pub async fn refundable_paise(tx: &mut PgConnection, order_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT o.total_paise - coalesce(
                  (SELECT sum(amount_paise) FROM refunds WHERE order_id = o.id AND status <> 'failed'), 0)::bigint
                  AS "left!"
           FROM orders o WHERE o.id = $1"#,
        order_id
    )
    .fetch_one(&mut *tx)
    .await
}

pub async fn insert_refund(
    tx: &mut PgConnection,
    order_id: i64,
    amount_paise: i64,
    reason: &str,
    by: Uuid,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO refunds (order_id, amount_paise, reason, requested_by) VALUES ($1, $2, $3, $4)
         RETURNING id",
        order_id,
        amount_paise,
        reason,
        by
    )
    .fetch_one(&mut *tx)
    .await
}

/// Razorpay took the refund: its id and status (`pending` or `processed`).
pub async fn refund_sent(
    db: impl PgExecutor<'_>,
    id: i64,
    razorpay_refund_id: &str,
    status: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE refunds SET razorpay_refund_id = $2,
                status = CASE WHEN status = 'processed' THEN status ELSE $3 END
         WHERE id = $1",
        id,
        razorpay_refund_id,
        status
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn refund_failed(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE refunds SET status = 'failed' WHERE id = $1 AND status = 'requested'",
        id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// A refund webhook: finds the refund by Razorpay's id or by ours (kept in
/// its notes, for a refund whose creation answer was lost) and sets its
/// status. Returns the order's id when a refund changed.
pub async fn refund_settled(
    db: impl PgExecutor<'_>,
    razorpay_refund_id: &str,
    ours: Option<i64>,
    status: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        "UPDATE refunds SET status = $3, razorpay_refund_id = $1
         WHERE (razorpay_refund_id = $1 OR (razorpay_refund_id IS NULL AND id = $2))
           AND status <> 'processed'
         RETURNING order_id",
        razorpay_refund_id,
        ours,
        status
    )
    .fetch_optional(db)
    .await
}

#[derive(Debug, Clone)]
pub struct RefundRow {
    pub amount_paise: i64,
    pub reason: String,
    pub status: String,
    pub at: String,
}

pub async fn refunds(db: impl PgExecutor<'_>, order_id: i64) -> sqlx::Result<Vec<RefundRow>> {
    sqlx::query_as!(
        RefundRow,
        r#"SELECT amount_paise, reason, status,
                  to_char(created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "at!"
           FROM refunds WHERE order_id = $1 ORDER BY created_at, id"#,
        order_id
    )
    .fetch_all(db)
    .await
}

/// Whether some order was already paid by this payment.
pub async fn payment_is_known(db: impl PgExecutor<'_>, payment_id: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM orders WHERE razorpay_payment_id = $1) AS "known!""#,
        payment_id
    )
    .fetch_one(db)
    .await
}

/// Notes that Razorpay was asked about the order now, so the next round
/// starts with others.
pub async fn reconciled(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<()> {
    sqlx::query!("UPDATE orders SET reconciled_at = now() WHERE id = $1", id)
        .execute(db)
        .await?;
    Ok(())
}
