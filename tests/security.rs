//! The safe baseline over HTTP: pages rendered on the server, cross-site
//! refusal, security headers, errors with request ids, health.

mod common;

use common::*;

#[tokio::test]
async fn pages_are_rendered_on_the_server_with_their_forms() {
    let app = spawn_app().await;
    for (path, marks) in [
        (
            "/",
            vec!["<h1", "Your neighbourhood store, online", "<title>"],
        ),
        (
            "/login",
            vec![
                "<h1",
                "Log in",
                r#"name="email""#,
                r#"name="password""#,
                r#"action="/api/login""#,
            ],
        ),
        (
            "/signup",
            vec![
                "<h1",
                r#"name="name""#,
                r#"name="mobile""#,
                r#"action="/api/signup""#,
            ],
        ),
    ] {
        let response = reqwest::get(format!("{}{path}", app.url)).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"<html lang="en""#), "{path}");
        for mark in marks {
            assert!(html.contains(mark), "{path} lacks {mark}");
        }
    }
}

#[tokio::test]
async fn an_unknown_page_answers_404_with_a_helpful_page() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/no/such/page", app.url))
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));
}

async fn post_login(app: &TestApp, headers: &[(&str, &str)]) -> u16 {
    let mut request = reqwest::Client::new()
        .post(format!("{}/api/login", app.url))
        .header("accept", "application/json")
        .form(&[
            ("email", "asha@example.in"),
            ("password", PASSWORD),
            ("next", ""),
        ]);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn a_state_changing_request_from_another_site_is_refused() {
    let app = spawn_app().await;
    sign_up(&browser(), &app, "asha@example.in").await;
    assert_eq!(
        post_login(&app, &[("sec-fetch-site", "cross-site")]).await,
        403
    );
    assert_eq!(
        post_login(&app, &[("sec-fetch-site", "same-site")]).await,
        403
    );
    assert_eq!(
        post_login(&app, &[("origin", "https://evil.example")]).await,
        403
    );
    assert_eq!(
        post_login(&app, &[("sec-fetch-site", "same-origin")]).await,
        200
    );
    assert_eq!(post_login(&app, &[("origin", &app.url)]).await, 200);
    // Neither header: a script or an API client passes, a request riding a
    // session cookie does not.
    assert_eq!(post_login(&app, &[]).await, 200);
    assert_eq!(
        post_login(&app, &[("cookie", "haat_session=anything")]).await,
        403
    );
    // Reading is never refused.
    let get = reqwest::Client::new()
        .get(format!("{}/login", app.url))
        .header("sec-fetch-site", "cross-site");
    assert_eq!(get.send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_the_csp_nonce_matches_the_scripts() {
    let app = spawn_app().await;
    for path in ["/", "/login", "/no/such/page", "/healthz"] {
        let response = reqwest::get(format!("{}{path}", app.url)).await.unwrap();
        let headers = response.headers().clone();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(
            headers.get("strict-transport-security").is_none(),
            "no HSTS over http"
        );
        let csp = headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"),
            "{csp}"
        );
        if path == "/login" {
            let nonce = csp
                .split("'nonce-")
                .nth(1)
                .unwrap()
                .split('\'')
                .next()
                .unwrap()
                .to_string();
            let html = response.text().await.unwrap();
            assert!(
                html.contains(&format!(r#"nonce="{nonce}""#)),
                "scripts lack the CSP nonce"
            );
        }
    }
    let https = spawn_app_with(Settings {
        vars: vec![("SITE_URL", "https://shop.example.in".into())],
        ..Settings::default()
    })
    .await;
    let response = reqwest::get(format!("{}/", https.url)).await.unwrap();
    assert!(response.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
}

#[tokio::test]
async fn an_unexpected_failure_shows_a_reference_that_matches_the_request_id() {
    let app = spawn_app_with(Settings {
        broken_database: true,
        ..Settings::default()
    })
    .await;
    let response = log_in(&browser(), &app, "asha@example.in", PASSWORD).await;
    assert_eq!(response.status(), 500);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["Internal"]["request_id"], request_id.as_str());

    let health = reqwest::get(format!("{}/healthz", app.url)).await.unwrap();
    assert_eq!(health.status(), 503);
}

#[tokio::test]
async fn health_answers_when_the_database_does() {
    let app = spawn_app().await;
    let health = reqwest::get(format!("{}/healthz", app.url)).await.unwrap();
    assert_eq!(health.status(), 200);
}

#[tokio::test]
async fn pages_and_server_function_answers_are_never_stored_by_caches() {
    let app = spawn_app().await;
    let customer = browser();
    sign_up(&customer, &app, "asha@example.in").await;
    for path in ["/account", "/", "/no-such-page"] {
        let page = customer
            .get(format!("{}{path}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(page.headers()["cache-control"], "no-store", "{path}");
    }
    let answer = call(&customer, &app, "current_user", &[]).await;
    assert_eq!(answer.headers()["cache-control"], "no-store");
    // Downloads made for one signed-in person too.
    let admin = signed_in_as(&app, "owner@example.in", "admin").await;
    let csv = admin
        .get(format!("{}/admin/payouts.csv", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert_eq!(csv.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn a_refused_form_keeps_what_was_typed_out_of_the_address() {
    let app = spawn_app().await;
    let visitor = browser();
    // A browser without JavaScript posts the form and follows the redirect.
    let refused = visitor
        .post(format!("{}/api/signup", app.url))
        .header("accept", "text/html")
        .header("referer", format!("{}/signup", app.url))
        .form(&[
            ("name", "Asha Rao"),
            ("email", "asha.rao@"),
            ("mobile", "98765 43210"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert!(refused.status().is_redirection());
    let location = refused.headers()["location"].to_str().unwrap().to_string();
    assert!(!location.contains("__err"), "{location}");
    assert!(!location.contains("asha"), "{location}");
    assert!(location.ends_with("/signup"), "{location}");
    let path = location.trim_start_matches(&app.url);

    // The page shows the message and keeps the typed values, once.
    let (_, shown) = page_as(&visitor, &app, path).await;
    assert!(
        shown.contains(r#"value="asha.rao@""#),
        "the typed email is kept"
    );
    assert!(shown.contains("email-error"), "a message beside the email");
    let (_, again) = page_as(&visitor, &app, path).await;
    assert!(!again.contains("asha.rao@"), "shown once");
    assert!(!again.contains("email-error"));
    // Another browser never sees it.
    let (_, other) = page_as(&browser(), &app, path).await;
    assert!(!other.contains("asha.rao@"));
}
