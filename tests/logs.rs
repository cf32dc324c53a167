//! Logs carry request ids and never a password or a reset token.

mod common;

use common::*;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_password_or_token_reaches_the_log_and_requests_are_logged_with_ids() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_writer(move || writer.clone())
        .init();

    let app = spawn_app().await;
    let client = browser();
    sign_up(&client, &app, "asha@example.in").await;
    log_in(&browser(), &app, "asha@example.in", "a wrong secret phrase").await;
    call(
        &browser(),
        &app,
        "forgot_password",
        &[("email", "asha@example.in")],
    )
    .await;
    let token: String = {
        let body: String =
            sqlx::query_scalar("SELECT body_text FROM email_outbox WHERE subject LIKE 'Reset%'")
                .fetch_one(&app.pool)
                .await
                .unwrap();
        let start = body.find("token=").unwrap() + 6;
        body[start..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect()
    };
    call(
        &browser(),
        &app,
        "reset_password",
        &[("token", &token), ("password", "tamarind kite 77 monsoon")],
    )
    .await;
    let response = call(&client, &app, "current_user", &[]).await;
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    for secret in [
        PASSWORD,
        "a wrong secret phrase",
        "tamarind kite 77 monsoon",
        token.as_str(),
    ] {
        assert!(!log.contains(secret), "the log contains {secret:?}");
    }
    assert!(
        log.contains(&request_id),
        "the log lacks request id {request_id}"
    );
}
