//! Delivers the email outbox. Woken by `NOTIFY email_outbox` when a message is
//! committed, and every few seconds anyway for retries. A failed send is
//! retried with exponential backoff (30 s doubling, at most 6 h) and never dropped.

use super::transport::{Envelope, Mailer};
use crate::db::outbox;
use sqlx::{postgres::PgListener, PgPool};
use std::time::Duration;

const BATCH: i64 = 20;
const POLL_EVERY: Duration = Duration::from_secs(5);

pub fn retry_delay_secs(attempts_so_far: i32) -> i64 {
    let exponent = attempts_so_far.clamp(0, 10) as u32;
    (30_i64 << exponent).min(6 * 60 * 60)
}

/// Sends every message that is due now; returns how many were sent.
pub async fn deliver_due(pool: &PgPool, mailer: &impl Mailer, from: &str) -> sqlx::Result<usize> {
    let mut sent = 0;
    loop {
        let mut tx = pool.begin().await?;
        let batch = outbox::claim_due(&mut tx, BATCH).await?;
        if batch.is_empty() {
            tx.commit().await?;
            return Ok(sent);
        }
        for email in &batch {
            let envelope = Envelope {
                from,
                to: &email.to_address,
                subject: &email.subject,
                body_text: &email.body_text,
            };
            match mailer.send(envelope).await {
                Ok(()) => {
                    outbox::mark_sent(&mut *tx, email.id).await?;
                    sent += 1;
                }
                Err(error) => {
                    let delay = retry_delay_secs(email.attempts);
                    tracing::warn!(
                        email_id = email.id,
                        retry_in_secs = delay,
                        "email not sent: {error}"
                    );
                    outbox::mark_failed(&mut *tx, email.id, &error.to_string(), delay).await?;
                }
            }
        }
        tx.commit().await?;
    }
}

/// Runs until the process ends.
pub async fn run(pool: PgPool, mailer: impl Mailer, from: String) {
    let mut listener = match PgListener::connect_with(&pool).await {
        Ok(mut listener) => match listener.listen("email_outbox").await {
            Ok(()) => Some(listener),
            Err(e) => {
                tracing::warn!("outbox: LISTEN failed, polling only: {e}");
                None
            }
        },
        Err(e) => {
            tracing::warn!("outbox: no listener connection, polling only: {e}");
            None
        }
    };
    loop {
        if let Err(e) = deliver_due(&pool, &mailer, &from).await {
            tracing::error!("outbox: delivery round failed: {e}");
        }
        match listener.as_mut() {
            Some(l) => {
                let _ = tokio::time::timeout(POLL_EVERY, l.recv()).await;
            }
            None => tokio::time::sleep(POLL_EVERY).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::retry_delay_secs;

    #[test]
    fn retries_back_off_exponentially_up_to_six_hours() {
        assert_eq!(retry_delay_secs(0), 30);
        assert_eq!(retry_delay_secs(1), 60);
        assert_eq!(retry_delay_secs(3), 240);
        assert_eq!(retry_delay_secs(50), 6 * 60 * 60);
    }
}
