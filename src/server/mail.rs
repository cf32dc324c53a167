//! Outgoing email: the transports and the outbox worker.

pub mod messages;
pub mod outbox_worker;
pub mod transport;

pub use transport::{ConfiguredMailer, Envelope, FileMailer, Mailer, SendError, SmtpMailer};
