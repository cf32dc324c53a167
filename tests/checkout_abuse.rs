//! Checkout that cannot be used to hoard stock: placing orders is limited
//! per address and per email (on every instance), one email holds only a few
//! unpaid orders, unpaid and uncollected orders expire and give their stock
//! back with an email, and one UTR settles one order.

mod common;

use common::*;

async fn shop_with(vars: Vec<(&'static str, String)>) -> TestApp {
    let app = spawn_app_with(Settings {
        vars,
        ..Default::default()
    })
    .await;
    haat::server::demo::load(&app.pool)
        .await
        .expect("demo data");
    app
}

async fn order_as(app: &TestApp, email: &'static str, payment: &'static str) -> reqwest::Response {
    let guest = guest_with_cart(app, "STP-001", "1").await;
    place_order(
        &guest,
        app,
        &checkout_form(&[("payment", payment), ("email", email)]),
    )
    .await
}

#[tokio::test]
async fn placing_orders_is_limited_per_address_and_per_email_across_instances() {
    let limits = vec![
        ("RATE_LIMIT_ORDERS_PER_IP", "4".to_string()),
        ("RATE_LIMIT_ORDERS_PER_EMAIL", "2".to_string()),
    ];
    let first = shop_with(limits.clone()).await;
    let second = spawn_second_instance(&first, limits).await;
    assert_eq!(order_as(&first, "a@example.in", "cod").await.status(), 200);
    assert_eq!(order_as(&second, "a@example.in", "cod").await.status(), 200);
    // The email's third order within the window is refused, on either instance.
    let refused = order_as(&first, "a@example.in", "cod").await;
    assert_eq!(refused.status(), 429);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert!(body.to_string().contains("Try again in"), "{body}");
    // Another email from the same address: the address's own limit (4) ends it.
    assert_eq!(order_as(&second, "b@example.in", "cod").await.status(), 200);
    assert_eq!(order_as(&first, "c@example.in", "cod").await.status(), 429);
    let placed: i64 =
        sqlx::query_scalar("SELECT count(*) FROM orders WHERE reference NOT LIKE 'DEMO-%'")
            .fetch_one(&first.pool)
            .await
            .unwrap();
    assert_eq!(placed, 3);
}

#[tokio::test]
async fn one_email_holds_only_the_shops_number_of_unpaid_orders_even_at_once() {
    let app = shop_with(Vec::new()).await;
    sqlx::query("UPDATE settings SET max_unpaid_orders = 2")
        .execute(&app.pool)
        .await
        .unwrap();
    app.state.site.forget();
    let attempts = (0..6).map(|_| order_as(&app, "hoarder@example.in", "cod"));
    let responses = futures::future::join_all(attempts).await;
    let statuses: Vec<u16> = responses.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        2,
        "{statuses:?}"
    );
    let refused = responses.into_iter().find(|r| r.status() == 422).unwrap();
    let (fields, values) = form_errors(refused).await;
    assert_eq!(
        fields,
        vec![("email".to_string(), haat::api::checkout::too_many_unpaid(2))]
    );
    assert!(values
        .iter()
        .any(|(k, v)| k == "email" && v == "hoarder@example.in"));
    // Another customer is not affected.
    assert_eq!(
        order_as(&app, "someone@example.in", "upi").await.status(),
        200
    );
}

#[tokio::test]
async fn uncollected_cash_orders_and_unconfirmed_utrs_expire_with_their_stock_and_an_email() {
    let app = shop_with(Vec::new()).await;
    let before = stock_of(&app, "STP-001").await;
    order_as(&app, "cash@example.in", "cod").await;
    let upi = guest_with_cart(&app, "STP-001", "1").await;
    let placed = place_order(&upi, &app, &checkout_form(&[("email", "upi@example.in")])).await;
    let reference = order_reference(&placed);
    let reported = call(
        &upi,
        &app,
        "submit_utr",
        &[("reference", &reference), ("utr", "412345678901")],
    )
    .await;
    assert_eq!(reported.status(), 200);
    assert_eq!(stock_of(&app, "STP-001").await, before - 2);
    // Not due yet: the cash order has 72 hours, the reported UTR 48.
    assert_eq!(
        haat::server::order_expiry::expire_due(&app.pool)
            .await
            .unwrap(),
        0
    );
    let deadlines: Vec<f64> = sqlx::query_scalar(
        "SELECT round(EXTRACT(EPOCH FROM expires_at - now()) / 3600)::float8 FROM orders
         WHERE reference NOT LIKE 'DEMO-%' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(deadlines, vec![72.0, 48.0]);
    sqlx::query("UPDATE orders SET expires_at = now() - interval '1 second' WHERE reference NOT LIKE 'DEMO-%'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        haat::server::order_expiry::expire_due(&app.pool)
            .await
            .unwrap(),
        2
    );
    assert_eq!(stock_of(&app, "STP-001").await, before);
    let mails: Vec<(String, String)> = sqlx::query_as(
        "SELECT to_address, body_text FROM email_outbox WHERE subject LIKE '%was cancelled' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(mails.len(), 2);
    assert!(mails[0].0 == "cash@example.in" && mails[0].1.contains("was not collected in time"));
    assert!(
        mails[1].0 == "upi@example.in"
            && mails[1].1.contains("waited too long for its UPI payment")
    );
}

#[tokio::test]
async fn a_utr_already_reported_for_another_order_is_refused_beside_the_field() {
    let app = shop_with(Vec::new()).await;
    let first = guest_with_cart(&app, "STP-001", "1").await;
    let one = order_reference(&place_order(&first, &app, &checkout_form(&[])).await);
    let second = guest_with_cart(&app, "STP-001", "1").await;
    let two = order_reference(&place_order(&second, &app, &checkout_form(&[])).await);
    let utr = "512345678901";
    assert_eq!(
        call(
            &first,
            &app,
            "submit_utr",
            &[("reference", &one), ("utr", utr)]
        )
        .await
        .status(),
        200
    );
    let refused = call(
        &second,
        &app,
        "submit_utr",
        &[("reference", &two), ("utr", utr)],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let (fields, values) = form_errors(refused).await;
    assert_eq!(
        fields,
        vec![("utr".to_string(), haat::api::orders::UTR_USED.to_string())]
    );
    assert_eq!(values, vec![("utr".to_string(), utr.to_string())]);
    let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE reference = $1")
        .bind(&two)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "awaiting_payment");
}
