//! Passwords over HTTP: changing one, and resetting a forgotten one by email.

mod common;

use common::*;
use haat::api::{password::RESET_LINK_USED, session::LOGIN_FAILED};
use serde_json::Value;

async fn error_of(response: reqwest::Response) -> Value {
    response.json().await.expect("json error")
}

#[tokio::test]
async fn changing_the_password_signs_out_other_devices_but_not_this_one() {
    let app = spawn_app().await;
    let phone = browser();
    let laptop = browser();
    sign_up(&phone, &app, "asha@example.in").await;
    log_in(&laptop, &app, "asha@example.in", PASSWORD).await;

    let wrong = call(
        &phone,
        &app,
        "change_password",
        &[
            ("current_password", "nope nope"),
            ("new_password", "tamarind kite 77 monsoon"),
        ],
    )
    .await;
    assert_eq!(
        error_of(wrong).await["Invalid"]["fields"][0][0],
        "current_password"
    );

    let changed = call(
        &phone,
        &app,
        "change_password",
        &[
            ("current_password", PASSWORD),
            ("new_password", "tamarind kite 77 monsoon"),
        ],
    )
    .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(
        whoami(&phone, &app).await.as_deref(),
        Some("asha@example.in")
    );
    assert_eq!(whoami(&laptop, &app).await, None);
    assert_eq!(
        error_of(log_in(&browser(), &app, "asha@example.in", PASSWORD).await).await["Invalid"]
            ["message"],
        LOGIN_FAILED
    );
    assert_eq!(
        log_in(
            &browser(),
            &app,
            "asha@example.in",
            "tamarind kite 77 monsoon"
        )
        .await
        .status(),
        200
    );
}

/// The reset link from the newest email in the outbox.
async fn reset_token(app: &TestApp) -> String {
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM email_outbox WHERE subject LIKE 'Reset%' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .expect("a reset email");
    let start = body.find("token=").expect("a link with a token") + "token=".len();
    body[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once() {
    let app = spawn_app().await;
    let signed_in = browser();
    sign_up(&signed_in, &app, "asha@example.in").await;
    let answer = call(
        &browser(),
        &app,
        "forgot_password",
        &[("email", "asha@example.in")],
    )
    .await;
    assert_eq!(answer.headers()["location"], "/forgot-password?sent=1");
    let token = reset_token(&app).await;

    let reset = call(
        &browser(),
        &app,
        "reset_password",
        &[("token", &token), ("password", "tamarind kite 77 monsoon")],
    )
    .await;
    assert_eq!(reset.status(), 200);
    assert_eq!(
        whoami(&signed_in, &app).await,
        None,
        "old sessions end with a reset"
    );
    assert_eq!(
        log_in(
            &browser(),
            &app,
            "asha@example.in",
            "tamarind kite 77 monsoon"
        )
        .await
        .status(),
        200
    );

    let again = call(
        &browser(),
        &app,
        "reset_password",
        &[("token", &token), ("password", "another good phrase 9")],
    )
    .await;
    assert_eq!(error_of(again).await["Invalid"]["message"], RESET_LINK_USED);
}

#[tokio::test]
async fn a_reset_link_older_than_an_hour_does_not_work() {
    let app = spawn_app().await;
    sign_up(&browser(), &app, "asha@example.in").await;
    call(
        &browser(),
        &app,
        "forgot_password",
        &[("email", "asha@example.in")],
    )
    .await;
    let token = reset_token(&app).await;
    let validity: f64 = sqlx::query_scalar(
        "SELECT extract(epoch FROM expires_at - created_at)::float8 FROM password_resets",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!((validity - 3600.0).abs() < 5.0, "valid for {validity} s");
    // An hour passes.
    sqlx::query("UPDATE password_resets SET expires_at = now() - interval '1 second'")
        .execute(&app.pool)
        .await
        .unwrap();
    let reset = call(
        &browser(),
        &app,
        "reset_password",
        &[("token", &token), ("password", "tamarind kite 77 monsoon")],
    )
    .await;
    assert_eq!(error_of(reset).await["Invalid"]["message"], RESET_LINK_USED);
}

#[tokio::test]
async fn asking_for_a_reset_answers_the_same_for_unknown_emails_and_sends_nothing() {
    let app = spawn_app().await;
    let answer = call(
        &browser(),
        &app,
        "forgot_password",
        &[("email", "nobody@example.in")],
    )
    .await;
    assert_eq!(answer.headers()["location"], "/forgot-password?sent=1");
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM email_outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_new_password_ends_every_reset_link_still_outstanding() {
    let app = spawn_app().await;
    let owner = browser();
    sign_up(&owner, &app, "asha@example.in").await;
    let ask = || async {
        let asker = browser();
        call(
            &asker,
            &app,
            "forgot_password",
            &[("email", "asha@example.in")],
        )
        .await
    };
    ask().await;
    let first = reset_token(&app).await;
    ask().await;
    let second = reset_token(&app).await;
    assert_ne!(first, second);

    // One link is used: the other one, sent for the old password, is dead.
    let reset = call(
        &browser(),
        &app,
        "reset_password",
        &[("token", &first), ("password", "tamarind kite 77 monsoon")],
    )
    .await;
    assert_eq!(reset.status(), 200);
    let other = call(
        &browser(),
        &app,
        "reset_password",
        &[("token", &second), ("password", "another good phrase 9")],
    )
    .await;
    assert_eq!(error_of(other).await["Invalid"]["message"], RESET_LINK_USED);

    // The same when the password is changed from the account page.
    ask().await;
    let third = reset_token(&app).await;
    let me = browser();
    log_in(&me, &app, "asha@example.in", "tamarind kite 77 monsoon").await;
    let changed = call(
        &me,
        &app,
        "change_password",
        &[
            ("current_password", "tamarind kite 77 monsoon"),
            ("new_password", "monsoon tamarind kite 88"),
        ],
    )
    .await;
    assert_eq!(changed.status(), 200);
    let late = call(
        &browser(),
        &app,
        "reset_password",
        &[("token", &third), ("password", "another good phrase 9")],
    )
    .await;
    assert_eq!(error_of(late).await["Invalid"]["message"], RESET_LINK_USED);
}

#[tokio::test]
async fn guessing_the_current_password_is_limited_like_a_login() {
    let app = spawn_app_with(Settings {
        vars: vec![("RATE_LIMIT_LOGIN_PER_ACCOUNT", "3".into())],
        ..Default::default()
    })
    .await;
    let thief = browser();
    sign_up(&thief, &app, "asha@example.in").await;
    let guess = || {
        call(
            &thief,
            &app,
            "change_password",
            &[
                ("current_password", "a wrong guess"),
                ("new_password", "tamarind kite 77 monsoon"),
            ],
        )
    };
    for _ in 0..3 {
        assert_eq!(guess().await.status(), 422);
    }
    let refused = guess().await;
    assert_eq!(refused.status(), 429);
    let message = error_of(refused).await["RateLimited"]["message"].clone();
    assert!(
        message
            .as_str()
            .unwrap_or_default()
            .starts_with("Too many attempts"),
        "{message}"
    );
}
