//! Uploaded images, stored at each width the storefront shows.

use sqlx::PgExecutor;
use uuid::Uuid;

pub async fn insert(
    db: impl PgExecutor<'_>,
    key: Uuid,
    width: i32,
    bytes: &[u8],
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO images (key, width, bytes) VALUES ($1, $2, $3)",
        key,
        width,
        bytes
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn get(db: impl PgExecutor<'_>, key: Uuid, width: i32) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar!(
        "SELECT bytes FROM images WHERE key = $1 AND width = $2",
        key,
        width
    )
    .fetch_optional(db)
    .await
}
