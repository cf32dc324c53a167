//! KYC documents partners upload. Reads are keyed by the partner, so a
//! partner's query can only ever return their own; admins read any.

use sqlx::PgExecutor;
use uuid::Uuid;

pub async fn insert(
    db: impl PgExecutor<'_>,
    partner_id: Uuid,
    kind: &str,
    file_name: &str,
    content_type: &str,
    bytes: &[u8],
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar!(
        "INSERT INTO partner_documents (partner_id, kind, file_name, content_type, bytes)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        partner_id,
        kind,
        file_name,
        content_type,
        bytes
    )
    .fetch_one(db)
    .await
}

/// How many documents the partner has stored.
pub async fn count(db: impl PgExecutor<'_>, partner_id: Uuid) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM partner_documents WHERE partner_id = $1"#,
        partner_id
    )
    .fetch_one(db)
    .await
}

pub struct DocumentRow {
    pub id: Uuid,
    pub kind: String,
    pub file_name: String,
    pub size: i32,
    pub uploaded_at: String,
}

pub async fn list(db: impl PgExecutor<'_>, partner_id: Uuid) -> sqlx::Result<Vec<DocumentRow>> {
    sqlx::query_as!(
        DocumentRow,
        r#"SELECT id, kind, file_name, length(bytes) AS "size!",
                  to_char(uploaded_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY') AS "uploaded_at!"
           FROM partner_documents WHERE partner_id = $1 ORDER BY uploaded_at DESC"#,
        partner_id
    )
    .fetch_all(db)
    .await
}

pub struct DocumentFile {
    pub partner_id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

pub async fn get(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<DocumentFile>> {
    sqlx::query_as!(
        DocumentFile,
        "SELECT partner_id, file_name, content_type, bytes FROM partner_documents WHERE id = $1",
        id
    )
    .fetch_optional(db)
    .await
}
