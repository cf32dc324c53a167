//! Commissions: accrued when a referred order is delivered, due after the
//! holding period, reversed when the order comes back before it is paid.

use sqlx::{PgConnection, PgExecutor};

/// Accrues the commission of a delivered order attributed to a partner, at
/// the partner's rate of its value before GST; nothing for an order nobody
/// referred, and nothing twice.
pub async fn accrue_for_order(db: impl PgExecutor<'_>, order_id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO commissions (partner_id, order_id, base_paise, rate_bp, amount_paise, due_at)
         SELECT o.partner_id, o.id, b.base, p.commission_bp,
                round(b.base * p.commission_bp / 10000.0)::bigint,
                now() + make_interval(days => s.commission_hold_days)
         FROM orders o
         JOIN partners p ON p.user_id = o.partner_id
         CROSS JOIN settings s
         CROSS JOIN LATERAL (
             SELECT coalesce(sum(round(oi.quantity * oi.unit_price_paise * 100.0 / (100 + oi.gst_rate))), 0)::bigint AS base
             FROM order_items oi WHERE oi.order_id = o.id
         ) b
         WHERE o.id = $1
         ON CONFLICT (order_id) DO NOTHING",
        order_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The fixed reward for a won lead that a partner brought; nothing twice.
pub async fn accrue_for_lead(db: impl PgExecutor<'_>, lead_id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO commissions (partner_id, lead_id, base_paise, amount_paise, due_at)
         SELECT l.submitted_by, l.id, s.won_lead_reward_paise, s.won_lead_reward_paise,
                now() + make_interval(days => s.commission_hold_days)
         FROM leads l CROSS JOIN settings s
         WHERE l.id = $1 AND l.submitted_by IS NOT NULL
         ON CONFLICT (lead_id) DO NOTHING",
        lead_id
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Reverses the order's commission unless it was paid, taking it off an
/// unpaid statement. `true` when a commission was reversed.
pub async fn reverse_for_order(
    tx: &mut PgConnection,
    order_id: i64,
    reason: &str,
) -> sqlx::Result<bool> {
    let reversed = sqlx::query!(
        "WITH target AS (
             SELECT id, payout_id FROM commissions
             WHERE order_id = $1 AND status IN ('pending', 'due') FOR UPDATE
         )
         UPDATE commissions c SET status = 'reversed', reversed_reason = $2, payout_id = NULL
         FROM target WHERE c.id = target.id
         RETURNING target.payout_id",
        order_id,
        reason
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(reversed) = reversed else {
        return Ok(false);
    };
    if let Some(payout_id) = reversed.payout_id {
        super::payouts::recompute(&mut *tx, payout_id).await?;
    }
    Ok(true)
}

/// Pending commissions whose holding period is over become due.
pub async fn make_due(db: impl PgExecutor<'_>) -> sqlx::Result<u64> {
    let moved = sqlx::query!(
        "UPDATE commissions SET status = 'due' WHERE status = 'pending' AND due_at <= now()"
    )
    .execute(db)
    .await?;
    Ok(moved.rows_affected())
}
