//! Accounts over HTTP: sign-up, login, sessions, password changes and resets.

mod common;

use common::*;
use haat::api::{session::LOGIN_FAILED, signup::EMAIL_TAKEN};
use serde_json::Value;

async fn error_of(response: reqwest::Response) -> Value {
    let body: Value = response.json().await.expect("json error");
    body
}

#[tokio::test]
async fn a_new_customer_is_signed_in_and_gets_a_welcome_email() {
    let app = spawn_app().await;
    let client = browser();
    let response = sign_up(&client, &app, "Asha@Example.in").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["location"], "/account?welcome=1");
    assert_eq!(
        whoami(&client, &app).await.as_deref(),
        Some("asha@example.in")
    );
    let (to, subject): (String, String) =
        sqlx::query_as("SELECT to_address, subject FROM email_outbox")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        (to.as_str(), subject.as_str()),
        ("asha@example.in", "Welcome to Haat")
    );
}

#[tokio::test]
async fn bad_sign_up_input_is_reported_per_field_and_what_was_typed_comes_back() {
    let app = spawn_app().await;
    let client = browser();
    let response = call(
        &client,
        &app,
        "signup",
        &[
            ("name", " "),
            ("email", "asha@"),
            ("mobile", "12345"),
            ("password", "short"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let error = error_of(response).await;
    let form = &error["Invalid"];
    let fields: Vec<&str> = form["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f[0].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "email", "mobile", "password"]);
    let values = form["values"].to_string();
    assert!(
        values.contains("asha@") && values.contains("12345"),
        "{values}"
    );
    assert!(
        !values.contains("short"),
        "a password was sent back: {values}"
    );
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_commonly_used_password_is_refused() {
    let app = spawn_app().await;
    let response = call(
        &browser(),
        &app,
        "signup",
        &[
            ("name", "Asha"),
            ("email", "asha@example.in"),
            ("mobile", ""),
            ("password", "password123"),
        ],
    )
    .await;
    let error = error_of(response).await;
    assert_eq!(error["Invalid"]["fields"][0][0], "password");
    assert!(error["Invalid"]["fields"][0][1]
        .as_str()
        .unwrap()
        .contains("too common"));
}

#[tokio::test]
async fn signing_up_twice_with_one_email_is_refused_beside_the_email() {
    let app = spawn_app().await;
    sign_up(&browser(), &app, "asha@example.in").await;
    let error = error_of(sign_up(&browser(), &app, "ASHA@example.in").await).await;
    assert_eq!(
        error["Invalid"]["fields"][0],
        serde_json::json!(["email", EMAIL_TAKEN])
    );
}

#[tokio::test]
async fn a_failed_login_says_the_same_whether_or_not_the_email_exists() {
    let app = spawn_app().await;
    sign_up(&browser(), &app, "asha@example.in").await;
    let wrong_password =
        error_of(log_in(&browser(), &app, "asha@example.in", "not the password").await).await;
    let unknown_email =
        error_of(log_in(&browser(), &app, "nobody@example.in", "not the password").await).await;
    assert_eq!(wrong_password["Invalid"]["message"], LOGIN_FAILED);
    assert_eq!(unknown_email["Invalid"]["message"], LOGIN_FAILED);
}

#[tokio::test]
async fn logging_in_gives_a_new_session_id_and_the_old_one_stops_working() {
    let app = spawn_app().await;
    let client = browser();
    let first = sign_up(&client, &app, "asha@example.in").await;
    let first_cookie = session_cookie(first.headers()).expect("session cookie on sign-up");
    let second = log_in(&client, &app, "asha@example.in", PASSWORD).await;
    let second_cookie = session_cookie(second.headers()).expect("session cookie on login");
    assert_ne!(
        first_cookie.split(';').next(),
        second_cookie.split(';').next()
    );

    let stale = reqwest::Client::new()
        .post(format!("{}/api/current_user", app.url))
        .header("accept", "application/json")
        .header("sec-fetch-site", "same-origin")
        .header("cookie", first_cookie.split(';').next().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(stale.text().await.unwrap(), "null");
}

#[tokio::test]
async fn the_session_cookie_is_http_only_lax_and_secure_only_over_https() {
    let app = spawn_app().await;
    let cookie =
        session_cookie(sign_up(&browser(), &app, "asha@example.in").await.headers()).unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "{cookie}");

    let https = spawn_app_with(Settings {
        vars: vec![("SITE_URL", "https://shop.example.in".into())],
        ..Settings::default()
    })
    .await;
    let response = browser()
        .post(format!("{}/api/signup", https.url))
        .header("accept", "application/json")
        .header("origin", "https://shop.example.in")
        .form(&[
            ("name", "Asha"),
            ("email", "asha@example.in"),
            ("mobile", ""),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert!(session_cookie(response.headers())
        .unwrap()
        .contains("Secure"));
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let app = spawn_app().await;
    let client = browser();
    sign_up(&client, &app, "asha@example.in").await;
    call(&client, &app, "logout", &[]).await;
    assert_eq!(whoami(&client, &app).await, None);
}

#[tokio::test]
async fn a_disabled_account_cannot_log_in_and_its_sessions_end() {
    let app = spawn_app().await;
    let client = browser();
    sign_up(&client, &app, "asha@example.in").await;
    sqlx::query("UPDATE users SET disabled_at = now()")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(whoami(&client, &app).await, None);
    let error = error_of(log_in(&browser(), &app, "asha@example.in", PASSWORD).await).await;
    assert_eq!(error["Invalid"]["message"], LOGIN_FAILED);
}
