//! Where emails go: an SMTP server when `SMTP_URL` is set, otherwise `.eml`
//! files in a folder so the demo works offline.

use lettre::{
    message::{header::ContentType, Mailbox},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::path::PathBuf;

pub struct Envelope<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("bad address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("could not build the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("writing the message file: {0}")]
    File(#[from] std::io::Error),
}

pub trait Mailer: Send + Sync {
    fn send(
        &self,
        envelope: Envelope<'_>,
    ) -> impl std::future::Future<Output = Result<(), SendError>> + Send;
}

fn build(envelope: &Envelope<'_>) -> Result<Message, SendError> {
    Ok(Message::builder()
        .from(envelope.from.parse::<Mailbox>()?)
        .to(envelope.to.parse::<Mailbox>()?)
        .subject(envelope.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(envelope.body_text.to_string())?)
}

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl SmtpMailer {
    /// `smtp://[user:pass@]host[:port]` (STARTTLS when offered with `?tls=required`)
    /// or `smtps://...` (TLS from the start), as lettre reads them.
    pub fn from_url(url: &str) -> Result<SmtpMailer, lettre::transport::smtp::Error> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(SmtpMailer { transport })
    }
}

impl Mailer for SmtpMailer {
    async fn send(&self, envelope: Envelope<'_>) -> Result<(), SendError> {
        let message = build(&envelope)?;
        self.transport.send(message).await?;
        Ok(())
    }
}

pub struct FileMailer {
    dir: PathBuf,
}

impl FileMailer {
    pub fn new(dir: PathBuf) -> FileMailer {
        FileMailer { dir }
    }

    /// Deletes the messages written more than `age` ago. They hold password,
    /// invitation and order links, which must not lie about once the links
    /// have run out. Returns how many were deleted.
    pub async fn forget_older_than(&self, age: std::time::Duration) -> std::io::Result<usize> {
        let mut entries = match tokio::fs::read_dir(&self.dir).await {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let mut forgotten = 0;
        while let Some(entry) = entries.next_entry().await? {
            let is_message = entry.path().extension().is_some_and(|ext| ext == "eml");
            let written = entry.metadata().await?.modified()?;
            if is_message && written.elapsed().is_ok_and(|elapsed| elapsed > age) {
                tokio::fs::remove_file(entry.path()).await?;
                forgotten += 1;
            }
        }
        Ok(forgotten)
    }
}

impl Mailer for FileMailer {
    async fn send(&self, envelope: Envelope<'_>) -> Result<(), SendError> {
        let message = build(&envelope)?;
        tokio::fs::create_dir_all(&self.dir).await?;
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
        let name = format!("{stamp}-{}.eml", uuid::Uuid::new_v4().simple());
        // Write then rename, so a reader never sees half a message.
        let partial = self.dir.join(format!(".{name}.partial"));
        tokio::fs::write(&partial, message.formatted()).await?;
        tokio::fs::rename(&partial, self.dir.join(name)).await?;
        Ok(())
    }
}

/// The mailer the configuration asks for.
pub enum ConfiguredMailer {
    Smtp(SmtpMailer),
    Files(FileMailer),
}

impl Mailer for ConfiguredMailer {
    async fn send(&self, envelope: Envelope<'_>) -> Result<(), SendError> {
        match self {
            ConfiguredMailer::Smtp(m) => m.send(envelope).await,
            ConfiguredMailer::Files(m) => m.send(envelope).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FileMailer;
    use std::time::{Duration, SystemTime};

    #[tokio::test]
    async fn messages_older_than_the_links_in_them_are_deleted_and_newer_ones_kept() {
        let dir = std::env::temp_dir().join(format!("haat-mail-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let old = dir.join("1-old.eml");
        let new = dir.join("2-new.eml");
        let other = dir.join("notes.txt");
        for path in [&old, &new, &other] {
            std::fs::write(path, "reset link").unwrap();
        }
        let four_days_ago = SystemTime::now() - Duration::from_secs(4 * 24 * 3600);
        for path in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(four_days_ago)
                .unwrap();
        }
        let mailer = FileMailer::new(dir.clone());
        let forgotten = mailer
            .forget_older_than(Duration::from_secs(72 * 3600))
            .await
            .unwrap();
        assert_eq!(forgotten, 1);
        assert!(!old.exists());
        assert!(new.exists());
        assert!(other.exists(), "only messages are ours to delete");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
