//! `/metrics` for an operator's Prometheus: closed without its token, and
//! counting what clients did, by route pattern and status.

mod common;

use common::*;

async fn scrape(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut request = browser().get(format!("{}/metrics", app.url));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

/// The value of the sample whose line starts with `series`.
fn sample(body: &str, series: &str) -> Option<f64> {
    body.lines()
        .find(|line| line.starts_with(series))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|value| value.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status_and_need_the_token() {
    let app = spawn_app_with(Settings {
        vars: vec![("METRICS_TOKEN", "s3cret-scraper-token".into())],
        ..Default::default()
    })
    .await;
    let client = browser();
    for _ in 0..3 {
        let home = client.get(format!("{}/", app.url)).send().await.unwrap();
        assert_eq!(home.status(), 200);
    }
    for slug in ["one", "two"] {
        let missing = client
            .get(format!("{}/p/{slug}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), 404);
    }

    assert_eq!(scrape(&app, None).await.status(), 401);
    assert_eq!(scrape(&app, Some("guess")).await.status(), 401);
    let answer = scrape(&app, Some("s3cret-scraper-token")).await;
    assert_eq!(answer.status(), 200);
    let body = answer.text().await.unwrap();
    assert_eq!(
        sample(
            &body,
            r#"haat_http_requests_total{method="GET",route="/",status="200"}"#
        ),
        Some(3.0),
        "{body}"
    );
    // Both unknown products under one label: the pattern, not the address.
    let pattern = body
        .lines()
        .find(|l| l.starts_with("haat_http_requests_total") && l.contains(r#"status="404""#))
        .unwrap_or_default();
    assert!(pattern.contains(r#"route="/p/{slug}""#), "{pattern}");
    assert!(pattern.ends_with(" 2"), "{pattern}");
    assert_eq!(
        sample(
            &body,
            r#"haat_http_request_duration_seconds_count{route="/"}"#
        ),
        Some(3.0)
    );
    for gauge in [
        "haat_db_pool_connections ",
        "haat_outbox_waiting ",
        "haat_outbox_oldest_seconds ",
        "haat_order_expiry_lag_seconds ",
        "haat_live_stock_streams ",
    ] {
        assert!(sample(&body, gauge).is_some(), "{gauge} in {body}");
    }
}

#[tokio::test]
async fn without_a_token_configured_there_are_no_metrics() {
    let app = spawn_app().await;
    assert_eq!(scrape(&app, Some("anything")).await.status(), 404);
}
