//! Online payment through Razorpay, against a loopback server that speaks
//! Razorpay's API: Checkout's signature, the payment link's return, signed
//! and deduplicated webhooks, flags for staff, reconciliation, refunds, and
//! many orders at once with a gateway that fails now and then.

mod common;

use common::fake_razorpay::{self, enable_on, FakeRazorpay};
use common::*;
use haat::server::razorpay::{reconcile, settle, webhook};
use std::time::Duration;

async fn shop_with_razorpay() -> (TestApp, FakeRazorpay) {
    let fake = FakeRazorpay::start().await;
    let app = spawn_app_with(Settings {
        vars: fake.vars(),
        ..Default::default()
    })
    .await;
    haat::server::demo::load(&app.pool)
        .await
        .expect("demo data");
    enable_on(&app).await;
    (app, fake)
}

/// A guest who ordered `quantity` of `sku` to pay online: `(client, reference, key)`.
async fn online_order(
    app: &TestApp,
    sku: &str,
    quantity: &str,
) -> (reqwest::Client, String, String) {
    online_order_as(app, sku, quantity, "guest@example.in").await
}

async fn online_order_as(
    app: &TestApp,
    sku: &str,
    quantity: &str,
    email: &str,
) -> (reqwest::Client, String, String) {
    let guest = guest_with_cart(app, sku, quantity).await;
    place_online(app, guest, email).await
}

async fn place_online(
    app: &TestApp,
    guest: reqwest::Client,
    email: &str,
) -> (reqwest::Client, String, String) {
    let mut form = checkout_form(&[("payment", "razorpay")]);
    form.retain(|(k, _)| *k != "email");
    let mut form: Vec<(&str, &str)> = form;
    form.push(("email", email));
    let placed = place_order(&guest, app, &form).await;
    assert_eq!(placed.status(), 200, "{:?}", placed.text().await);
    let location = placed.headers()["location"].to_str().unwrap().to_string();
    let key = location
        .split("key=")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    (guest, order_reference(&placed), key)
}

async fn order_row(
    app: &TestApp,
    reference: &str,
) -> (String, Option<String>, Option<String>, i64) {
    sqlx::query_as(
        "SELECT status, razorpay_order_id, payment_link_id, total_paise FROM orders WHERE reference = $1",
    )
    .bind(reference)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn times_paid(app: &TestApp, reference: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM order_events e JOIN orders o ON o.id = e.order_id
         WHERE o.reference = $1 AND e.status = 'paid'",
    )
    .bind(reference)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn flags(app: &TestApp) -> Vec<(Option<String>, String)> {
    sqlx::query_as(
        "SELECT o.reference, f.reason FROM payment_flags f LEFT JOIN orders o ON o.id = f.order_id ORDER BY f.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn confirm(
    client: &reqwest::Client,
    app: &TestApp,
    reference: &str,
    key: &str,
    payment_id: &str,
    signature: &str,
) -> reqwest::Response {
    call(
        client,
        app,
        "confirm_online_payment",
        &[
            ("reference", reference),
            ("key", key),
            ("razorpay_payment_id", payment_id),
            ("razorpay_order_id", "order_sent_by_the_browser"),
            ("razorpay_signature", signature),
        ],
    )
    .await
}

#[tokio::test]
async fn checkout_pays_the_order_only_with_razorpays_signature() {
    let (app, fake) = shop_with_razorpay().await;
    let before = stock_of(&app, "STP-001").await;
    let (guest, reference, key) = online_order(&app, "STP-001", "2").await;
    assert_eq!(stock_of(&app, "STP-001").await, before - 2);
    let (status, gateway_order, link, total) = order_row(&app, &reference).await;
    assert_eq!(status, "awaiting_payment");
    let gateway_order = gateway_order.expect("a Razorpay order made at checkout");
    assert!(link.is_some(), "a payment link made at checkout");

    // The order page offers the payment (the link works without JavaScript).
    let (_, html) = page_as(&guest, &app, &format!("/orders/{reference}")).await;
    assert!(html.contains("data-testid=\"pay-online\""), "{html}");
    assert!(html.contains("https://rzp.io/i/plink_"), "{html}");
    // Not the shop's UPI QR: a direct UPI payment would never settle this order.
    let view: serde_json::Value = call(&guest, &app, "load_order", &[("reference", &reference)])
        .await
        .json()
        .await
        .unwrap();
    assert!(view["upi_intent"].is_null(), "{view}");

    let (payment, signature) = fake.pay_order(&gateway_order, None);
    assert_eq!(payment.amount, total);
    // A signature made with another secret, or for another payment, is refused.
    let forged = haat::server::razorpay::signature::sign(
        "not-the-secret",
        format!("{gateway_order}|{}", payment.id).as_bytes(),
    );
    let refused = confirm(&guest, &app, &reference, &key, &payment.id, &forged).await;
    assert_eq!(refused.status(), 422);
    let other = confirm(&guest, &app, &reference, &key, "pay_Other", &signature).await;
    assert_eq!(other.status(), 422);
    assert_eq!(order_row(&app, &reference).await.0, "awaiting_payment");

    let paid = confirm(&guest, &app, &reference, &key, &payment.id, &signature).await;
    assert_eq!(paid.status(), 200, "{:?}", paid.text().await);
    assert_eq!(order_row(&app, &reference).await.0, "paid");
    // Sent again (a double click), nothing changes twice.
    let again = confirm(&guest, &app, &reference, &key, &payment.id, &signature).await;
    assert_eq!(again.status(), 200);
    assert_eq!(times_paid(&app, &reference).await, 1);
    let mail: String = sqlx::query_scalar(
        "SELECT subject FROM email_outbox WHERE subject LIKE '%' || $1 || '%: Paid'",
    )
    .bind(&reference)
    .fetch_one(&app.pool)
    .await
    .expect("the customer is emailed that the order is paid");
    assert!(mail.contains("Paid"));
}

#[tokio::test]
async fn the_payment_link_return_pays_with_a_valid_signature_only() {
    let (app, fake) = shop_with_razorpay().await;
    let (guest, reference, _) = online_order(&app, "STP-001", "1").await;
    let link = order_row(&app, &reference).await.2.unwrap();
    let query = fake.pay_link(&link);
    let mut forged = query.clone();
    forged[4].1 = haat::server::razorpay::signature::sign("guess", b"anything");
    let url = |q: &[(String, String)]| {
        let mut url = url::Url::parse(&format!("{}/payments/razorpay/return", app.url)).unwrap();
        url.query_pairs_mut().extend_pairs(q);
        url.to_string()
    };
    let refused = guest.get(url(&forged)).send().await.unwrap();
    assert_eq!(refused.status(), 400);
    assert_eq!(order_row(&app, &reference).await.0, "awaiting_payment");

    let back = guest.get(url(&query)).send().await.unwrap();
    assert_eq!(back.status(), 303);
    assert_eq!(back.headers()["location"], format!("/orders/{reference}"));
    assert_eq!(order_row(&app, &reference).await.0, "paid");
    // Its payment.captured names Razorpay's own order for the link: known, not flagged.
    let paid = fake_razorpay::FakePayment {
        id: query[0].1.clone(),
        amount: order_row(&app, &reference).await.3,
        order_id: "order_OfTheLink".into(),
    };
    let (body, signature) = FakeRazorpay::captured(&paid);
    assert_eq!(
        FakeRazorpay::deliver(&app.url, "evt_link", &body, &signature).await,
        200
    );
    webhook::handle_pending(&app.state).await.unwrap();
    assert!(flags(&app).await.is_empty(), "{:?}", flags(&app).await);
    assert_eq!(times_paid(&app, &reference).await, 1);
}

#[tokio::test]
async fn a_forged_webhook_is_refused_and_stores_nothing() {
    let (app, fake) = shop_with_razorpay().await;
    let (_, reference, _) = online_order(&app, "STP-001", "1").await;
    let gateway_order = order_row(&app, &reference).await.1.unwrap();
    let (payment, _) = fake.pay_order(&gateway_order, None);
    let (body, signature) = FakeRazorpay::captured(&payment);
    let forged_body = body.replace(&payment.id, "pay_Forged");
    assert_eq!(
        FakeRazorpay::deliver(&app.url, "evt_1", &forged_body, &signature).await,
        400
    );
    let unsigned = haat::server::razorpay::signature::sign("not-the-secret", body.as_bytes());
    assert_eq!(
        FakeRazorpay::deliver(&app.url, "evt_2", &body, &unsigned).await,
        400
    );
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM razorpay_events")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);
    webhook::handle_pending(&app.state).await.unwrap();
    assert_eq!(order_row(&app, &reference).await.0, "awaiting_payment");
}

#[tokio::test]
async fn the_same_webhook_delivered_three_times_at_once_pays_the_order_once() {
    let (app, fake) = shop_with_razorpay().await;
    let (_, reference, _) = online_order(&app, "STP-001", "1").await;
    let gateway_order = order_row(&app, &reference).await.1.unwrap();
    let (payment, _) = fake.pay_order(&gateway_order, None);
    let (body, signature) = FakeRazorpay::captured(&payment);
    let deliveries = (0..3).map(|_| FakeRazorpay::deliver(&app.url, "evt_same", &body, &signature));
    let statuses = futures::future::join_all(deliveries).await;
    assert_eq!(statuses, vec![200, 200, 200]);
    // order.paid for the same payment arrives too, under its own event id.
    let (paid_body, paid_signature) = FakeRazorpay::webhook(
        "order.paid",
        serde_json::json!({ "payment": { "entity": {
            "id": payment.id, "amount": payment.amount, "status": "captured", "order_id": gateway_order
        } } }),
    );
    assert_eq!(
        FakeRazorpay::deliver(&app.url, "evt_other", &paid_body, &paid_signature).await,
        200
    );
    // Two workers (two instances) handle what is stored, at once.
    let (a, b) = tokio::join!(
        webhook::handle_pending(&app.state),
        webhook::handle_pending(&app.state)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 2);
    assert_eq!(order_row(&app, &reference).await.0, "paid");
    assert_eq!(times_paid(&app, &reference).await, 1);
    assert!(flags(&app).await.is_empty());
}

#[tokio::test]
async fn webhooks_for_an_unknown_order_or_another_amount_are_flagged_not_accepted() {
    let (app, fake) = shop_with_razorpay().await;
    let (_, reference, _) = online_order(&app, "STP-001", "1").await;
    let (_, _, _, total) = order_row(&app, &reference).await;
    let gateway_order = order_row(&app, &reference).await.1.unwrap();
    let (short, _) = fake.pay_order(&gateway_order, Some(total - 100));
    let (body, signature) = FakeRazorpay::captured(&short);
    assert_eq!(
        FakeRazorpay::deliver(&app.url, "evt_short", &body, &signature).await,
        200
    );
    let stranger = fake_razorpay::FakePayment {
        id: "pay_Stranger".into(),
        amount: 5000,
        order_id: "order_NotOurs".into(),
    };
    let (body, signature) = FakeRazorpay::captured(&stranger);
    assert_eq!(
        FakeRazorpay::deliver(&app.url, "evt_unknown", &body, &signature).await,
        200
    );
    webhook::handle_pending(&app.state).await.unwrap();

    assert_eq!(order_row(&app, &reference).await.0, "awaiting_payment");
    assert_eq!(
        flags(&app).await,
        vec![
            (Some(reference.clone()), settle::AMOUNT_DIFFERS.to_string()),
            (None, settle::UNKNOWN_ORDER.to_string()),
        ]
    );
    // Staff see both on the orders page.
    let staff = signed_in_as(&app, "meera@example.in", "staff").await;
    let (_, html) = page_as(&staff, &app, "/admin/orders").await;
    assert!(
        html.contains("pay_Stranger") && html.contains(settle::UNKNOWN_ORDER),
        "{html}"
    );
}

#[tokio::test]
async fn reconciliation_settles_a_payment_whose_webhook_was_lost_and_expires_the_unpaid() {
    let (app, fake) = shop_with_razorpay().await;
    let before = stock_of(&app, "STP-002").await;
    let (_, paid_ref, _) = online_order(&app, "STP-002", "1").await;
    let (_, link_ref, _) = online_order(&app, "STP-002", "1").await;
    let (_, unpaid_ref, _) = online_order(&app, "STP-002", "2").await;
    // Paid in Checkout and through a link, but the browsers closed and no webhook came.
    fake.pay_order(&order_row(&app, &paid_ref).await.1.unwrap(), None);
    fake.pay_link(&order_row(&app, &link_ref).await.2.unwrap());
    // Too early: nothing is asked yet.
    assert_eq!(
        reconcile::run_once(&app.state, Duration::from_secs(600)).await,
        Ok(0)
    );
    // The unpaid one's time is up.
    sqlx::query("UPDATE orders SET expires_at = now() - interval '1 second' WHERE reference = $1")
        .bind(&unpaid_ref)
        .execute(&app.pool)
        .await
        .unwrap();
    // While Razorpay cannot be reached, nothing expires.
    fake.fail_percent(100);
    assert_eq!(reconcile::run_once(&app.state, Duration::ZERO).await, Ok(0));
    assert_eq!(order_row(&app, &unpaid_ref).await.0, "awaiting_payment");
    fake.fail_percent(0);
    assert_eq!(reconcile::run_once(&app.state, Duration::ZERO).await, Ok(3));
    assert_eq!(order_row(&app, &paid_ref).await.0, "paid");
    assert_eq!(order_row(&app, &link_ref).await.0, "paid");
    assert_eq!(order_row(&app, &unpaid_ref).await.0, "expired");
    assert_eq!(stock_of(&app, "STP-002").await, before - 2);
    // The offline expiry job leaves online orders to reconciliation.
    assert_eq!(
        haat::server::order_expiry::expire_due(&app.pool)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn an_admin_refunds_part_of_a_payment_and_the_webhook_completes_it() {
    let (app, fake) = shop_with_razorpay().await;
    let (guest, reference, key) = online_order(&app, "STP-001", "2").await;
    let gateway_order = order_row(&app, &reference).await.1.unwrap();
    let (payment, signature) = fake.pay_order(&gateway_order, None);
    confirm(&guest, &app, &reference, &key, &payment.id, &signature).await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let refund = |amount: &'static str, password: &'static str| {
        let (admin, app, reference) = (&admin, &app, reference.clone());
        async move {
            call(
                admin,
                app,
                "admin/refund_order",
                &[
                    ("reference", reference.as_str()),
                    ("amount", amount),
                    ("reason", "One bag arrived torn"),
                    ("password", password),
                ],
            )
            .await
        }
    };
    let (fields, _) = form_errors(refund("100", "wrong password").await).await;
    assert!(fields.iter().any(|(f, _)| f == "password"), "{fields:?}");
    assert!(fake.refunds().is_empty());

    let done = refund("689", PASSWORD).await;
    assert_eq!(done.status(), 200, "{:?}", done.text().await);
    let refunds = fake.refunds();
    assert_eq!(refunds.len(), 1);
    assert_eq!(
        (refunds[0].1.as_str(), refunds[0].2),
        (payment.id.as_str(), 68_900)
    );
    // More than is left is refused beside the amount.
    let (fields, _) = form_errors(refund("700", PASSWORD).await).await;
    assert_eq!(
        fields,
        vec![(
            "amount".to_string(),
            "At most ₹689.00 can still be refunded.".to_string()
        )]
    );

    let (body, signature) = fake_razorpay::refund_processed(&fake, &refunds[0].0);
    assert_eq!(
        FakeRazorpay::deliver(&app.url, "evt_refund", &body, &signature).await,
        200
    );
    webhook::handle_pending(&app.state).await.unwrap();
    let status: String = sqlx::query_scalar("SELECT status FROM refunds")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "processed");
    let (_, html) = page_as(&guest, &app, &format!("/orders/{reference}")).await;
    assert!(html.contains("₹689.00 · Refunded"), "{html}");
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'order.refund'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn fifty_orders_at_once_with_a_flaky_gateway_pay_once_each_and_lose_no_stock() {
    let (shop, fake) = shop_with_razorpay().await;
    let app = &shop;
    sqlx::query("UPDATE products SET stock = 500 WHERE sku = 'STP-001'")
        .execute(&app.pool)
        .await
        .unwrap();
    fake.fail_percent(20);
    let mut shoppers = Vec::new();
    for i in 0..50 {
        let cart = guest_with_cart(app, "STP-001", "2").await;
        shoppers.push((cart, format!("shopper{i}@example.in")));
    }
    let orders = futures::future::join_all(
        shoppers
            .into_iter()
            .map(|(cart, email)| async move { place_online(app, cart, &email).await }),
    )
    .await;
    // Customers pay whatever they were offered; webhooks arrive, some twice at once.
    let mut work = Vec::new();
    for (guest, reference, key) in &orders {
        // Opening the order page prepares what checkout could not (or fails again).
        page_as(guest, app, &format!("/orders/{reference}")).await;
        let Some(gateway_order) = order_row(app, reference).await.1 else {
            continue;
        };
        let (payment, signature) = fake.pay_order(&gateway_order, None);
        let (body, webhook_signature) = FakeRazorpay::captured(&payment);
        let event = format!("evt_{}", payment.id);
        work.push(async move {
            tokio::join!(
                confirm(guest, app, reference, key, &payment.id, &signature),
                FakeRazorpay::deliver(&app.url, &event, &body, &webhook_signature),
                FakeRazorpay::deliver(&app.url, &event, &body, &webhook_signature),
            );
        });
    }
    futures::future::join_all(work).await;
    webhook::handle_pending(&app.state).await.unwrap();
    fake.fail_percent(0);
    reconcile::run_once(&app.state, Duration::ZERO)
        .await
        .unwrap();

    let mut paid = 0;
    for (_, reference, _) in &orders {
        let times = times_paid(app, reference).await;
        assert!(times <= 1, "{reference} paid {times} times");
        paid += times;
    }
    let taken: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(oi.quantity), 0)::bigint FROM order_items oi
         JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id
         WHERE o.status <> 'expired' AND p.sku = 'STP-001' AND o.reference NOT LIKE 'DEMO-%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(i64::from(stock_of(app, "STP-001").await), 500 - taken);
    assert_eq!(
        taken, 100,
        "every order keeps its two units until paid or expired"
    );
    assert!(paid > 0);
    assert!(flags(app).await.is_empty(), "{:?}", flags(app).await);
}
