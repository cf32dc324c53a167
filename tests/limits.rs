//! Rate limits and caps as a shop behind a load balancer and a TLS proxy
//! meets them: shared by every instance, counted per visitor (not per proxy),
//! and no way to lock somebody else out of their account.

mod common;

use common::*;
use reqwest::Client;
use std::time::Duration;

fn rate_limited(body: &serde_json::Value) -> bool {
    body["RateLimited"]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("Too many attempts"))
}

/// A visitor reaching us through the proxy on 127.0.0.1, which names them.
fn visitor_behind_proxy(address: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("sec-fetch-site", "same-origin".parse().unwrap());
    headers.insert("x-forwarded-for", address.parse().unwrap());
    Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn forgot(client: &Client, app: &TestApp) -> serde_json::Value {
    call(
        client,
        app,
        "forgot_password",
        &[("email", "asha@example.in")],
    )
    .await
    .json()
    .await
    .unwrap_or_default()
}

#[tokio::test]
async fn login_and_form_limits_hold_across_two_instances() {
    let limits = vec![
        ("RATE_LIMIT_LOGIN_PER_ACCOUNT", "3".to_string()),
        ("RATE_LIMIT_FORMS_PER_IP", "4".to_string()),
    ];
    let first = spawn_app_with(Settings {
        vars: limits.clone(),
        ..Default::default()
    })
    .await;
    let second = spawn_second_instance(&first, limits).await;
    sign_up(&browser(), &first, "asha@example.in").await;

    // Wrong passwords on both instances, alternating, as a balancer spreads them.
    for (i, app) in [&first, &second, &first].into_iter().enumerate() {
        let body: serde_json::Value = log_in(&browser(), app, "asha@example.in", "wrong")
            .await
            .json()
            .await
            .unwrap();
        assert!(!rate_limited(&body), "attempt {i} was refused: {body}");
    }
    let refused = log_in(&browser(), &second, "asha@example.in", PASSWORD).await;
    assert_eq!(
        refused.status(),
        429,
        "the second instance counts the first's attempts"
    );

    // Sign-up was the first form post; three more pass, on either instance.
    for app in [&second, &first, &second] {
        assert!(!rate_limited(&forgot(&browser(), app).await));
    }
    assert!(rate_limited(&forgot(&browser(), &first).await));
    assert!(rate_limited(&forgot(&browser(), &second).await));
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_visitor_counts_separately() {
    let app = spawn_app_with(Settings {
        vars: vec![
            ("RATE_LIMIT_FORMS_PER_IP", "2".to_string()),
            ("TRUSTED_PROXIES", "127.0.0.1".to_string()),
        ],
        ..Default::default()
    })
    .await;
    let asha = visitor_behind_proxy("203.0.113.5");
    for _ in 0..2 {
        assert!(!rate_limited(&forgot(&asha, &app).await));
    }
    assert!(rate_limited(&forgot(&asha, &app).await));
    // Everyone arrives from the proxy's address, yet Ravi is not held back.
    let ravi = visitor_behind_proxy("198.51.100.7");
    assert!(!rate_limited(&forgot(&ravi, &app).await));
    // A client cannot escape by writing its own header in front of the proxy's.
    let spoofer = visitor_behind_proxy("192.0.2.1, 203.0.113.5");
    assert!(rate_limited(&forgot(&spoofer, &app).await));
}

#[tokio::test]
async fn without_a_trusted_proxy_the_forwarding_header_is_ignored() {
    let app = spawn_app_with(Settings {
        vars: vec![("RATE_LIMIT_FORMS_PER_IP", "2".to_string())],
        ..Default::default()
    })
    .await;
    for address in ["203.0.113.5", "203.0.113.6"] {
        assert!(!rate_limited(
            &forgot(&visitor_behind_proxy(address), &app).await
        ));
    }
    // A third "visitor" is the same client writing another header.
    assert!(rate_limited(
        &forgot(&visitor_behind_proxy("203.0.113.7"), &app).await
    ));
}

#[tokio::test]
async fn failed_logins_from_elsewhere_do_not_lock_the_owner_out() {
    let app = spawn_app_with(Settings {
        vars: vec![
            ("RATE_LIMIT_LOGIN_PER_ACCOUNT", "3".to_string()),
            ("TRUSTED_PROXIES", "127.0.0.1".to_string()),
        ],
        ..Default::default()
    })
    .await;
    sign_up(&browser(), &app, "asha@example.in").await;
    let attacker = visitor_behind_proxy("203.0.113.66");
    for _ in 0..3 {
        log_in(&attacker, &app, "asha@example.in", "guess").await;
    }
    assert_eq!(
        log_in(&attacker, &app, "asha@example.in", "guess")
            .await
            .status(),
        429
    );
    // Asha, at home, logs in as usual.
    let asha = visitor_behind_proxy("198.51.100.20");
    assert_eq!(
        log_in(&asha, &app, "asha@example.in", PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn searches_from_one_address_are_limited() {
    let app = spawn_app_with(Settings {
        vars: vec![("RATE_LIMIT_SEARCH_PER_IP", "5".to_string())],
        ..Default::default()
    })
    .await;
    let client = browser();
    for i in 0..5 {
        let page = client
            .get(format!("{}/search?q=rice{i}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "search {i}");
    }
    let page = client
        .get(format!("{}/search?q=rice", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.text().await.unwrap().contains("Too many attempts"));
    let suggestions = client
        .get(format!("{}/api/suggest?q=rice", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(suggestions.status(), 429);
}

async fn open_stream(client: &Client, app: &TestApp) -> reqwest::Response {
    client
        .get(format!("{}/events/stock", app.url))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn open_live_stock_streams_are_capped_per_address_and_in_all() {
    let app = spawn_app_with(Settings {
        vars: vec![
            ("LIVE_STOCK_STREAMS_PER_IP", "2".to_string()),
            ("LIVE_STOCK_STREAMS", "3".to_string()),
            ("TRUSTED_PROXIES", "127.0.0.1".to_string()),
        ],
        ..Default::default()
    })
    .await;
    let asha = visitor_behind_proxy("203.0.113.5");
    let first = open_stream(&asha, &app).await;
    let second = open_stream(&asha, &app).await;
    assert_eq!(
        (first.status().as_u16(), second.status().as_u16()),
        (200, 200)
    );
    assert_eq!(open_stream(&asha, &app).await.status(), 429);
    let ravi = visitor_behind_proxy("198.51.100.7");
    let third = open_stream(&ravi, &app).await;
    assert_eq!(third.status(), 200);
    let meera = visitor_behind_proxy("198.51.100.8");
    assert_eq!(open_stream(&meera, &app).await.status(), 503);

    // A page that goes away frees its place.
    drop(first);
    let mut reopened = None;
    for _ in 0..40 {
        let again = open_stream(&meera, &app).await;
        if again.status() == 200 {
            reopened = Some(again);
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(reopened.is_some(), "a closed stream kept its place");
    drop((second, third));
}
