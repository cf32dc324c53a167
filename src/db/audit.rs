//! The audit log: append-only (the database refuses updates and deletes).

use crate::domain::AuditEntry;
use sqlx::PgExecutor;
use uuid::Uuid;

pub struct NewAuditEntry<'a> {
    pub actor_id: Uuid,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn record(db: impl PgExecutor<'_>, e: NewAuditEntry<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        e.actor_id,
        e.actor,
        e.action,
        e.entity,
        e.entity_id,
        e.before,
        e.after
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The newest entries first, matching `text` in who, what or the values.
pub async fn search(
    db: impl PgExecutor<'_>,
    text: Option<&str>,
    actor_id: Option<Uuid>,
) -> sqlx::Result<Vec<AuditEntry>> {
    let pattern = text.map(|t| format!("%{}%", t.replace('%', "\\%").replace('_', "\\_")));
    sqlx::query_as!(
        AuditEntry,
        r#"SELECT to_char(at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI:SS') AS "at!",
                  actor, action, entity, entity_id, before::text AS "before?", after::text AS "after?"
           FROM audit_log
           WHERE ($1::text IS NULL OR actor ILIKE $1 OR action ILIKE $1 OR entity ILIKE $1
                  OR entity_id ILIKE $1 OR before::text ILIKE $1 OR after::text ILIKE $1)
             AND ($2::uuid IS NULL OR actor_id = $2)
           ORDER BY id DESC LIMIT 200"#,
        pattern,
        actor_id
    )
    .fetch_all(db)
    .await
}
