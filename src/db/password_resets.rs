//! Single-use password reset tokens, stored as SHA-256 hashes.

use sqlx::PgExecutor;
use uuid::Uuid;

/// A token usable for `valid_hours` (one for a reset; longer for the link a
/// new partner's account is opened with).
pub async fn insert(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
    user_id: Uuid,
    valid_hours: i32,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO password_resets (token_hash, user_id, expires_at)
         VALUES ($1, $2, now() + make_interval(hours => $3))",
        token_hash,
        user_id,
        valid_hours
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Marks the token used and returns its user, if it is unused and unexpired.
/// One statement, so two requests racing with the same token cannot both win.
pub async fn consume(db: impl PgExecutor<'_>, token_hash: &[u8]) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "UPDATE password_resets SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING user_id",
        token_hash
    )
    .fetch_optional(db)
    .await
}

/// Whether the token could still be used (for showing the form or an explanation).
pub async fn is_usable(db: impl PgExecutor<'_>, token_hash: &[u8]) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM password_resets
            WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()) AS "usable!""#,
        token_hash
    )
    .fetch_one(db)
    .await
}
