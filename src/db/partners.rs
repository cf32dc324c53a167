//! Approved partners: their referral codes, commission rates and payout
//! details, and the visits their links bring.

use sqlx::PgExecutor;
use uuid::Uuid;

pub struct NewPartner<'a> {
    pub user_id: Uuid,
    pub application_id: i64,
    pub kind: &'a str,
    pub referral_code: &'a str,
    pub commission_bp: i32,
    pub upi_id: &'a str,
}

/// `Ok(false)` when the referral code is taken (the caller draws another).
pub async fn insert(db: impl PgExecutor<'_>, p: NewPartner<'_>) -> sqlx::Result<bool> {
    let inserted = sqlx::query!(
        "INSERT INTO partners (user_id, application_id, kind, referral_code, commission_bp, upi_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (referral_code) DO NOTHING",
        p.user_id,
        p.application_id,
        p.kind,
        p.referral_code,
        p.commission_bp,
        p.upi_id
    )
    .execute(db)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// The partner a referral code belongs to, if it is a current partner's
/// (a disabled account earns nothing).
pub async fn by_code(db: impl PgExecutor<'_>, code: &str) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "SELECT p.user_id FROM partners p JOIN users u ON u.id = p.user_id
         WHERE p.referral_code = $1 AND u.role = 'partner' AND u.disabled_at IS NULL",
        code
    )
    .fetch_optional(db)
    .await
}

/// Counts one visit through the partner's link today.
pub async fn count_visit(db: impl PgExecutor<'_>, partner_id: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO referral_visits (partner_id, day, visits) VALUES ($1, current_date, 1)
         ON CONFLICT (partner_id, day) DO UPDATE SET visits = referral_visits.visits + 1",
        partner_id
    )
    .execute(db)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct PartnerRow {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub mobile: Option<String>,
    pub kind: String,
    pub referral_code: String,
    pub commission_bp: i32,
    pub upi_id: String,
    pub business_name: Option<String>,
    pub gstin: Option<String>,
    pub pan: Option<String>,
    pub city: String,
    pub since: String,
}

pub async fn get(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Option<PartnerRow>> {
    sqlx::query_as!(
        PartnerRow,
        r#"SELECT p.user_id, u.name, u.email, u.mobile, p.kind, p.referral_code, p.commission_bp,
                  p.upi_id, a.business_name, a.gstin, a.pan, a.city,
                  to_char(p.created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY') AS "since!"
           FROM partners p JOIN users u ON u.id = p.user_id
           JOIN partner_applications a ON a.id = p.application_id
           WHERE p.user_id = $1"#,
        user_id
    )
    .fetch_optional(db)
    .await
}

pub async fn list(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<PartnerRow>> {
    sqlx::query_as!(
        PartnerRow,
        r#"SELECT p.user_id, u.name, u.email, u.mobile, p.kind, p.referral_code, p.commission_bp,
                  p.upi_id, a.business_name, a.gstin, a.pan, a.city,
                  to_char(p.created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY') AS "since!"
           FROM partners p JOIN users u ON u.id = p.user_id
           JOIN partner_applications a ON a.id = p.application_id
           ORDER BY p.created_at DESC"#
    )
    .fetch_all(db)
    .await
}

/// Changes one partner's commission rate; `false` if there is no such partner.
pub async fn set_commission(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    commission_bp: i32,
) -> sqlx::Result<bool> {
    let updated = sqlx::query!(
        "UPDATE partners SET commission_bp = $2 WHERE user_id = $1",
        user_id,
        commission_bp
    )
    .execute(db)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Attributes the order to the partner whose code the shopper arrived with,
/// unless that partner placed it (by account or by email): partners earn
/// nothing on their own orders. `false` when nobody is credited.
pub async fn attribute_order(
    db: impl PgExecutor<'_>,
    reference: &str,
    code: &str,
) -> sqlx::Result<bool> {
    let updated = sqlx::query!(
        "UPDATE orders o SET partner_id = p.user_id
         FROM partners p JOIN users u ON u.id = p.user_id
         WHERE o.reference = $1 AND p.referral_code = $2
           AND u.role = 'partner' AND u.disabled_at IS NULL
           AND o.user_id IS DISTINCT FROM p.user_id AND o.email <> u.email",
        reference,
        code
    )
    .execute(db)
    .await?;
    Ok(updated.rows_affected() == 1)
}

pub struct PartnerStats {
    pub visits: i64,
    pub orders: i64,
    pub pending_paise: i64,
    pub due_paise: i64,
    pub paid_paise: i64,
}

/// Visits through the link, orders it brought (not cancelled or expired),
/// and commissions by state.
pub async fn stats(db: impl PgExecutor<'_>, partner_id: Uuid) -> sqlx::Result<PartnerStats> {
    sqlx::query_as!(
        PartnerStats,
        r#"SELECT
             (SELECT coalesce(sum(visits), 0) FROM referral_visits WHERE partner_id = $1)::bigint AS "visits!",
             (SELECT count(*) FROM orders WHERE partner_id = $1
                AND status NOT IN ('cancelled', 'expired')) AS "orders!",
             (SELECT coalesce(sum(amount_paise), 0) FROM commissions
                WHERE partner_id = $1 AND status = 'pending')::bigint AS "pending_paise!",
             (SELECT coalesce(sum(amount_paise), 0) FROM commissions
                WHERE partner_id = $1 AND status = 'due')::bigint AS "due_paise!",
             (SELECT coalesce(sum(amount_paise), 0) FROM commissions
                WHERE partner_id = $1 AND status = 'paid')::bigint AS "paid_paise!""#,
        partner_id
    )
    .fetch_one(db)
    .await
}

pub struct ReferredOrderRow {
    pub reference: String,
    pub customer_name: String,
    pub placed_at: String,
    pub status: String,
    pub total_paise: i64,
    pub commission_paise: Option<i64>,
    pub commission_status: Option<String>,
}

/// The orders a partner brought, newest first, with their commission.
pub async fn referred_orders(
    db: impl PgExecutor<'_>,
    partner_id: Uuid,
) -> sqlx::Result<Vec<ReferredOrderRow>> {
    sqlx::query_as!(
        ReferredOrderRow,
        r#"SELECT o.reference, o.customer_name,
                  to_char(o.placed_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY') AS "placed_at!",
                  o.status, o.total_paise,
                  c.amount_paise AS "commission_paise?", c.status AS "commission_status?"
           FROM orders o LEFT JOIN commissions c ON c.order_id = o.id
           WHERE o.partner_id = $1 ORDER BY o.placed_at DESC LIMIT 200"#,
        partner_id
    )
    .fetch_all(db)
    .await
}
