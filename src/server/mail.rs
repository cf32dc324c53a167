//! Outgoing email: the transports and the outbox worker.

pub mod messages;
pub mod outbox_worker;
pub mod transport;

pub use transport::{ConfiguredMailer, Envelope, FileMailer, Mailer, SendError, SmtpMailer};

/// Queues a composed message in the caller's transaction, so it is sent only
/// if the change that caused it is committed.
pub async fn queue(
    db: impl sqlx::PgExecutor<'_>,
    to: &str,
    mail: &messages::Composed,
) -> sqlx::Result<()> {
    crate::db::outbox::enqueue(
        db,
        crate::db::outbox::OutgoingEmail {
            to,
            subject: &mail.subject,
            body_text: &mail.body_text,
        },
    )
    .await
}
