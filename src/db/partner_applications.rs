//! Applications to join the partner programme, and the admin's decision.

use crate::domain::{Application, PartnerKind};
use sqlx::PgExecutor;
use uuid::Uuid;

/// Stores a pending application; `Ok(None)` when this email already has one
/// waiting for a decision.
pub async fn insert(db: impl PgExecutor<'_>, a: &Application) -> sqlx::Result<Option<i64>> {
    let business = a.business.as_ref();
    sqlx::query_scalar!(
        "INSERT INTO partner_applications
             (kind, name, email, mobile, city, pan, upi_id, business_name, gstin, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (email) WHERE status = 'pending' DO NOTHING
         RETURNING id",
        a.kind.as_str(),
        a.name.as_str(),
        a.email.as_str(),
        a.mobile.as_str(),
        a.city,
        a.pan.as_ref().map(|p| p.as_str()),
        a.upi_id.as_str(),
        business.map(|b| b.business_name.as_str()),
        business.map(|b| b.gstin.as_str()),
        business.map(|b| b.address.as_str()),
    )
    .fetch_optional(db)
    .await
}

#[derive(Debug, Clone)]
pub struct ApplicationRow {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub email: String,
    pub mobile: String,
    pub city: String,
    pub pan: Option<String>,
    pub upi_id: String,
    pub business_name: Option<String>,
    pub gstin: Option<String>,
    pub address: Option<String>,
    pub status: String,
    pub reject_reason: Option<String>,
    pub created_at: String,
}

impl ApplicationRow {
    pub fn kind(&self) -> PartnerKind {
        PartnerKind::parse(&self.kind).unwrap_or(PartnerKind::Individual)
    }
}

/// Pending applications first (oldest first), then the latest decisions.
pub async fn list(db: impl PgExecutor<'_>, limit: i64) -> sqlx::Result<Vec<ApplicationRow>> {
    sqlx::query_as!(
        ApplicationRow,
        r#"SELECT id, kind, name, email, mobile, city, pan, upi_id, business_name, gstin, address,
                  status, reject_reason,
                  to_char(created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "created_at!"
           FROM partner_applications
           ORDER BY status <> 'pending', CASE WHEN status = 'pending' THEN created_at END,
                    decided_at DESC
           LIMIT $1"#,
        limit
    )
    .fetch_all(db)
    .await
}

/// Locks a pending application for a decision; `None` if it was decided already.
pub async fn lock_pending(
    db: impl PgExecutor<'_>,
    id: i64,
) -> sqlx::Result<Option<ApplicationRow>> {
    sqlx::query_as!(
        ApplicationRow,
        r#"SELECT id, kind, name, email, mobile, city, pan, upi_id, business_name, gstin, address,
                  status, reject_reason,
                  to_char(created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "created_at!"
           FROM partner_applications WHERE id = $1 AND status = 'pending' FOR UPDATE"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn mark_approved(db: impl PgExecutor<'_>, id: i64, by: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE partner_applications SET status = 'approved', decided_by = $2, decided_at = now()
         WHERE id = $1",
        id,
        by
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn mark_rejected(
    db: impl PgExecutor<'_>,
    id: i64,
    by: Uuid,
    reason: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE partner_applications
         SET status = 'rejected', decided_by = $2, decided_at = now(), reject_reason = $3
         WHERE id = $1",
        id,
        by,
        reason
    )
    .execute(db)
    .await?;
    Ok(())
}
