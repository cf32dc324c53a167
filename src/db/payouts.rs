//! Monthly payout statements: each partner's due commissions gathered into
//! one payout, exported for the bank, and marked paid with the bank's UTR.

use sqlx::{PgConnection, PgExecutor};
use time::Date;
use uuid::Uuid;

/// Gathers every due commission not yet on a statement (and due before the
/// month ends) into its partner's statement for `month` (its first day),
/// making the statement if needed; a month already paid takes nothing more.
/// Returns how many statements changed.
pub async fn generate(tx: &mut PgConnection, month: Date) -> sqlx::Result<u64> {
    super::commissions::make_due(&mut *tx).await?;
    sqlx::query!(
        "INSERT INTO payouts (partner_id, month, amount_paise)
         SELECT DISTINCT partner_id, $1::date, 0::bigint FROM commissions
         WHERE status = 'due' AND payout_id IS NULL AND due_at < $1::date + interval '1 month'
         ON CONFLICT (partner_id, month) DO NOTHING",
        month
    )
    .execute(&mut *tx)
    .await?;
    let attached = sqlx::query_scalar!(
        "UPDATE commissions c SET payout_id = p.id
         FROM payouts p
         WHERE p.partner_id = c.partner_id AND p.month = $1 AND p.status = 'statement'
           AND c.status = 'due' AND c.payout_id IS NULL AND c.due_at < $1::date + interval '1 month'
         RETURNING p.id",
        month
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut changed = attached;
    changed.sort_unstable();
    changed.dedup();
    for &payout_id in &changed {
        recompute(&mut *tx, payout_id).await?;
    }
    Ok(changed.len() as u64)
}

/// Sets an unpaid statement's amount to the sum of its commissions; one left
/// with none is removed.
pub async fn recompute(tx: &mut PgConnection, payout_id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE payouts SET amount_paise =
             (SELECT coalesce(sum(amount_paise), 0) FROM commissions WHERE payout_id = $1)
         WHERE id = $1 AND status = 'statement'",
        payout_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM payouts p WHERE p.id = $1 AND p.status = 'statement'
           AND NOT EXISTS (SELECT 1 FROM commissions c WHERE c.payout_id = p.id)",
        payout_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub struct PaidPayout {
    pub partner_id: Uuid,
    pub amount_paise: i64,
    /// e.g. `Nov 2026`.
    pub month: String,
    /// `YYYY-MM`.
    pub month_value: String,
}

/// Marks a statement paid with the bank's UTR, and its commissions with it.
/// One guarded UPDATE: a statement already paid (or paid by someone else a
/// moment ago) answers `None`, so nothing is ever paid twice.
pub async fn mark_paid(
    tx: &mut PgConnection,
    payout_id: i64,
    utr: &str,
    by: Uuid,
) -> sqlx::Result<Option<PaidPayout>> {
    let paid = sqlx::query_as!(
        PaidPayout,
        r#"UPDATE payouts SET status = 'paid', utr = $2, paid_at = now(), paid_by = $3
           WHERE id = $1 AND status = 'statement' AND amount_paise > 0
           RETURNING partner_id, amount_paise, to_char(month, 'Mon YYYY') AS "month!",
                     to_char(month, 'YYYY-MM') AS "month_value!""#,
        payout_id,
        utr,
        by
    )
    .fetch_optional(&mut *tx)
    .await?;
    if paid.is_some() {
        sqlx::query!(
            "UPDATE commissions SET status = 'paid' WHERE payout_id = $1 AND status = 'due'",
            payout_id
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(paid)
}

#[derive(Debug, Clone)]
pub struct StatementRow {
    pub id: i64,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub partner_email: String,
    pub referral_code: String,
    pub upi_id: String,
    pub month: String,
    pub amount_paise: i64,
    pub status: String,
    pub utr: Option<String>,
    pub commissions: i64,
}

/// Every statement for `month`, by partner name.
pub async fn for_month(db: impl PgExecutor<'_>, month: Date) -> sqlx::Result<Vec<StatementRow>> {
    sqlx::query_as!(
        StatementRow,
        r#"SELECT py.id, py.partner_id, u.name AS partner_name, u.email AS partner_email,
                  p.referral_code, p.upi_id, to_char(py.month, 'Mon YYYY') AS "month!",
                  py.amount_paise, py.status, py.utr,
                  (SELECT count(*) FROM commissions c WHERE c.payout_id = py.id) AS "commissions!"
           FROM payouts py JOIN partners p ON p.user_id = py.partner_id JOIN users u ON u.id = p.user_id
           WHERE py.month = $1 ORDER BY u.name, py.id"#,
        month
    )
    .fetch_all(db)
    .await
}

/// One partner's statements, newest first.
pub async fn for_partner(
    db: impl PgExecutor<'_>,
    partner_id: Uuid,
) -> sqlx::Result<Vec<StatementRow>> {
    sqlx::query_as!(
        StatementRow,
        r#"SELECT py.id, py.partner_id, u.name AS partner_name, u.email AS partner_email,
                  p.referral_code, p.upi_id, to_char(py.month, 'Mon YYYY') AS "month!",
                  py.amount_paise, py.status, py.utr,
                  (SELECT count(*) FROM commissions c WHERE c.payout_id = py.id) AS "commissions!"
           FROM payouts py JOIN partners p ON p.user_id = py.partner_id JOIN users u ON u.id = p.user_id
           WHERE py.partner_id = $1 ORDER BY py.month DESC"#,
        partner_id
    )
    .fetch_all(db)
    .await
}
