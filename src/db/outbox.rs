//! The email outbox: enqueue in the caller's transaction, claim due messages,
//! record delivery or schedule a retry.

use sqlx::{PgExecutor, Postgres, Transaction};

pub struct OutgoingEmail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
}

pub async fn enqueue(db: impl PgExecutor<'_>, email: OutgoingEmail<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO email_outbox (to_address, subject, body_text) VALUES ($1, $2, $3)",
        email.to,
        email.subject,
        email.body_text
    )
    .execute(db)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct QueuedEmail {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i32,
}

/// Locks up to `limit` due messages for this transaction; other workers skip them.
pub async fn claim_due(
    tx: &mut Transaction<'_, Postgres>,
    limit: i64,
) -> sqlx::Result<Vec<QueuedEmail>> {
    sqlx::query_as!(
        QueuedEmail,
        "SELECT id, to_address, subject, body_text, attempts FROM email_outbox
         WHERE sent_at IS NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED",
        limit
    )
    .fetch_all(&mut **tx)
    .await
}

/// Marks the message sent and forgets its text: bodies carry reset, invite
/// and order links whose keys must not stay readable in the database.
pub async fn mark_sent(db: impl PgExecutor<'_>, id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE email_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL, body_text = ''
         WHERE id = $1",
        id
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn mark_failed(
    db: impl PgExecutor<'_>,
    id: i64,
    error: &str,
    retry_in_secs: i64,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE email_outbox
         SET attempts = attempts + 1, last_error = $2,
             next_attempt_at = now() + make_interval(secs => $3)
         WHERE id = $1",
        id,
        error,
        retry_in_secs as f64
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Messages not yet delivered.
pub async fn count_waiting(db: impl PgExecutor<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"SELECT count(*) AS "count!" FROM email_outbox WHERE sent_at IS NULL"#)
        .fetch_one(db)
        .await
}

/// How the outbox is keeping up, for monitoring.
pub struct OutboxHealth {
    pub waiting: i64,
    /// Age of the oldest undelivered email, 0 when none waits.
    pub oldest_seconds: f64,
}

pub async fn health(db: impl PgExecutor<'_>) -> sqlx::Result<OutboxHealth> {
    let row = sqlx::query!(
        r#"SELECT count(*) AS "waiting!",
                  COALESCE(EXTRACT(EPOCH FROM now() - min(created_at))::float8, 0) AS "oldest!"
           FROM email_outbox WHERE sent_at IS NULL"#
    )
    .fetch_one(db)
    .await?;
    Ok(OutboxHealth {
        waiting: row.waiting,
        oldest_seconds: row.oldest,
    })
}
