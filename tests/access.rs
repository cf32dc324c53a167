//! Who may do what: role checks on server functions and pages, and rate limits.

mod common;

use common::*;

#[tokio::test]
async fn repeated_logins_for_one_account_are_limited_with_a_wait_time() {
    let app = spawn_app_with(Settings {
        vars: vec![("RATE_LIMIT_LOGIN_PER_ACCOUNT", "3".into())],
        ..Settings::default()
    })
    .await;
    sign_up(&browser(), &app, "asha@example.in").await;
    for _ in 0..3 {
        log_in(&browser(), &app, "asha@example.in", "wrong password").await;
    }
    // Even the right password waits now: the account is being guessed at.
    let response = log_in(&browser(), &app, "asha@example.in", PASSWORD).await;
    assert_eq!(response.status(), 429);
    let body: serde_json::Value = response.json().await.unwrap();
    let message = body["RateLimited"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("Too many attempts. Try again in ") && message.ends_with("minutes."),
        "{message}"
    );
    // Another account from the same address is not affected.
    sign_up(&browser(), &app, "ravi@example.in").await;
    assert_eq!(
        log_in(&browser(), &app, "ravi@example.in", PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn many_logins_from_one_address_are_limited() {
    let app = spawn_app_with(Settings {
        vars: vec![("RATE_LIMIT_LOGIN_PER_IP", "4".into())],
        ..Settings::default()
    })
    .await;
    for i in 0..4 {
        let body: serde_json::Value = log_in(&browser(), &app, &format!("u{i}@example.in"), "x")
            .await
            .json()
            .await
            .unwrap();
        assert!(!body.to_string().contains("Too many"));
    }
    let body: serde_json::Value = log_in(&browser(), &app, "u9@example.in", "x")
        .await
        .json()
        .await
        .unwrap();
    assert!(body["RateLimited"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Too many attempts"));
}

#[tokio::test]
async fn public_forms_are_limited_per_address() {
    let app = spawn_app_with(Settings {
        vars: vec![("RATE_LIMIT_FORMS_PER_IP", "2".into())],
        ..Settings::default()
    })
    .await;
    for _ in 0..2 {
        call(
            &browser(),
            &app,
            "forgot_password",
            &[("email", "a@example.in")],
        )
        .await;
    }
    let body: serde_json::Value = call(
        &browser(),
        &app,
        "forgot_password",
        &[("email", "a@example.in")],
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(body["RateLimited"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Too many attempts"));
    let signup: serde_json::Value = sign_up(&browser(), &app, "b@example.in")
        .await
        .json()
        .await
        .unwrap();
    assert!(signup["RateLimited"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Too many attempts"));
}

#[tokio::test]
async fn server_functions_refuse_callers_without_the_role() {
    let app = spawn_app().await;
    let visitor = browser();
    assert_eq!(call(&visitor, &app, "admin_home", &[]).await.status(), 401);
    assert_eq!(
        call(&visitor, &app, "dashboard_home", &[]).await.status(),
        401
    );

    let customer = browser();
    sign_up(&customer, &app, "asha@example.in").await;
    assert_eq!(call(&customer, &app, "admin_home", &[]).await.status(), 403);
    assert_eq!(
        call(&customer, &app, "dashboard_home", &[]).await.status(),
        403
    );

    let staff = browser();
    sign_up(&staff, &app, "meena@example.in").await;
    set_role(&app, "meena@example.in", "staff").await;
    assert_eq!(
        call(&staff, &app, "dashboard_home", &[]).await.status(),
        200
    );
    assert_eq!(call(&staff, &app, "admin_home", &[]).await.status(), 403);

    let admin = browser();
    sign_up(&admin, &app, "vikram@example.in").await;
    set_role(&app, "vikram@example.in", "admin").await;
    let home = call(&admin, &app, "admin_home", &[]).await;
    assert_eq!(home.status(), 200);
    let body: serde_json::Value = home.json().await.unwrap();
    assert_eq!(body["admin_name"], "Asha Rao");
}

#[tokio::test]
async fn admin_and_dashboard_pages_refuse_or_redirect_those_who_may_not_enter() {
    let app = spawn_app().await;
    let visitor = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = visitor
        .get(format!("{}/admin", app.url))
        .header("accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/login?next=/admin");

    let customer = browser();
    sign_up(&customer, &app, "asha@example.in").await;
    let response = customer
        .get(format!("{}/admin", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("You do not have access"));
    let response = customer
        .get(format!("{}/dashboard", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn staff_sessions_end_when_idle_or_old_and_customers_stay_signed_in() {
    let app = spawn_app_with(Settings {
        vars: vec![
            ("STAFF_SESSION_IDLE", "3s".into()),
            ("STAFF_SESSION_LIFETIME", "6s".into()),
        ],
        ..Settings::default()
    })
    .await;
    let busy = signed_in_as(&app, "vikram@example.in", "admin").await;
    let away = signed_in_as(&app, "farah@example.in", "staff").await;
    let customer = browser();
    sign_up(&customer, &app, "asha@example.in").await;
    let second = std::time::Duration::from_secs(1);

    // Working steadily keeps a session alive, up to its lifetime.
    for _ in 0..4 {
        tokio::time::sleep(second).await;
        assert_eq!(
            whoami(&busy, &app).await.as_deref(),
            Some("vikram@example.in")
        );
    }
    // A staff member who left the counter is signed out after the idle limit.
    assert_eq!(whoami(&away, &app).await, None);
    // However busy, twelve hours (here six seconds) end it.
    for _ in 0..4 {
        tokio::time::sleep(second).await;
        whoami(&busy, &app).await;
    }
    assert_eq!(whoami(&busy, &app).await, None);
    // A customer's session is not bound by the staff limits.
    assert_eq!(
        whoami(&customer, &app).await.as_deref(),
        Some("asha@example.in")
    );
}
