//! Email delivery through the outbox, against a real SMTP server on loopback.

mod common;

use common::*;
use haat::{
    db::outbox::{self, OutgoingEmail},
    server::mail::{outbox_worker::deliver_due, FileMailer, SmtpMailer},
};
use mailin_embedded::{response, Handler, Response, Server};
use std::{
    net::TcpListener,
    sync::{Arc, Mutex},
};

/// Collects every message the SMTP server accepts.
#[derive(Clone, Default)]
struct Inbox(Arc<Mutex<Vec<String>>>, Arc<Mutex<Vec<u8>>>);

impl Handler for Inbox {
    fn data_start(
        &mut self,
        _domain: &str,
        _from: &str,
        _is8bit: bool,
        _to: &[String],
    ) -> Response {
        self.1.lock().unwrap().clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.1.lock().unwrap().extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let message = String::from_utf8_lossy(&self.1.lock().unwrap()).into_owned();
        self.0.lock().unwrap().push(message);
        response::OK
    }
}

/// Starts an SMTP server on a free loopback port; returns its port.
fn start_smtp_server(inbox: Inbox) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut server = Server::new(inbox);
    server.with_name("test.local").with_tcp_listener(listener);
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    port
}

async fn enqueue(app: &TestApp, subject: &str) {
    outbox::enqueue(
        &app.pool,
        OutgoingEmail {
            to: "asha@example.in",
            subject,
            body_text: "Namaste Asha,\n\nYour order is ready.\n",
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn queued_emails_are_delivered_over_smtp_and_marked_sent() {
    let app = spawn_app().await;
    let inbox = Inbox::default();
    let port = start_smtp_server(inbox.clone());
    enqueue(&app, "Your order is ready").await;

    let mailer = SmtpMailer::from_url(&format!("smtp://127.0.0.1:{port}")).unwrap();
    let sent = deliver_due(&app.pool, &mailer, "Haat <no-reply@haat.local>")
        .await
        .unwrap();

    assert_eq!(sent, 1);
    let received = inbox.0.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert!(
        received[0].contains("Subject: Your order is ready"),
        "{}",
        received[0]
    );
    assert!(received[0].contains("To: asha@example.in"));
    let unsent: i64 = sqlx::query_scalar("SELECT count(*) FROM email_outbox WHERE sent_at IS NULL")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(unsent, 0);
    // The text (which may hold a reset or order link) is not kept once sent.
    let kept: String = sqlx::query_scalar("SELECT body_text FROM email_outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, "");
    // Nothing is sent twice.
    assert_eq!(
        deliver_due(&app.pool, &mailer, "Haat <no-reply@haat.local>")
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn a_failed_send_is_kept_and_retried_later() {
    let app = spawn_app().await;
    enqueue(&app, "Your order is ready").await;
    // A port nobody listens on: the server is down.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let down = SmtpMailer::from_url(&format!("smtp://127.0.0.1:{closed}")).unwrap();
    assert_eq!(
        deliver_due(&app.pool, &down, "Haat <no-reply@haat.local>")
            .await
            .unwrap(),
        0
    );

    let (attempts, wait, error): (i32, f64, Option<String>) = sqlx::query_as(
        "SELECT attempts, extract(epoch FROM next_attempt_at - now())::float8, last_error FROM email_outbox",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(attempts, 1);
    assert!(wait > 20.0, "retried too soon: in {wait} s");
    assert!(error.is_some());

    // Not due yet: a working server gets nothing.
    let inbox = Inbox::default();
    let port = start_smtp_server(inbox.clone());
    let up = SmtpMailer::from_url(&format!("smtp://127.0.0.1:{port}")).unwrap();
    assert_eq!(
        deliver_due(&app.pool, &up, "Haat <no-reply@haat.local>")
            .await
            .unwrap(),
        0
    );
    // Once the retry time comes, it goes.
    sqlx::query("UPDATE email_outbox SET next_attempt_at = now()")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        deliver_due(&app.pool, &up, "Haat <no-reply@haat.local>")
            .await
            .unwrap(),
        1
    );
    assert_eq!(inbox.0.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn without_smtp_emails_are_written_as_eml_files() {
    let app = spawn_app().await;
    enqueue(&app, "Your order is ready").await;
    let mailer = FileMailer::new(app.mail_dir.clone());
    assert_eq!(
        deliver_due(&app.pool, &mailer, "Haat <no-reply@haat.local>")
            .await
            .unwrap(),
        1
    );
    let files: Vec<_> = std::fs::read_dir(&app.mail_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    assert!(files[0].extension().unwrap() == "eml");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("Subject: Your order is ready") && text.contains("Your order is ready."));
}
