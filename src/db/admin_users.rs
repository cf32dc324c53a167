//! Accounts as the admin manages them.

use crate::domain::AdminUserRow;
use sqlx::PgExecutor;
use uuid::Uuid;

pub async fn list(
    db: impl PgExecutor<'_>,
    text: Option<&str>,
    role: Option<&str>,
) -> sqlx::Result<Vec<AdminUserRow>> {
    let pattern = text.map(|t| format!("%{}%", t.replace('%', "\\%").replace('_', "\\_")));
    sqlx::query_as!(
        AdminUserRow,
        r#"SELECT id::text AS "id!", name, email, role, staff_role, disabled_at IS NOT NULL AS "disabled!",
                  to_char(created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY') AS "created_at!"
           FROM users
           WHERE ($1::text IS NULL OR name ILIKE $1 OR email ILIKE $1 OR mobile ILIKE $1)
             AND ($2::text IS NULL OR role = $2)
           ORDER BY created_at DESC LIMIT 200"#,
        pattern,
        role
    )
    .fetch_all(db)
    .await
}

pub async fn get(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<AdminUserRow>> {
    sqlx::query_as!(
        AdminUserRow,
        r#"SELECT id::text AS "id!", name, email, role, staff_role, disabled_at IS NOT NULL AS "disabled!",
                  to_char(created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY') AS "created_at!"
           FROM users WHERE id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn set_role(db: impl PgExecutor<'_>, id: Uuid, role: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE users SET role = $2, updated_at = now() WHERE id = $1",
        id,
        role
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn set_disabled(db: impl PgExecutor<'_>, id: Uuid, disabled: bool) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, updated_at = now()
         WHERE id = $1",
        id,
        disabled
    )
    .execute(db)
    .await?;
    Ok(())
}

/// A staff member's sub-role (`None` for everyone else).
pub async fn set_staff_role(
    db: impl PgExecutor<'_>,
    id: Uuid,
    staff_role: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE users SET staff_role = $2, updated_at = now() WHERE id = $1",
        id,
        staff_role
    )
    .execute(db)
    .await?;
    Ok(())
}
