//! The stock on hand always equals the sum of the stock ledger, whatever
//! mix of orders, cancellations, expiries and adjustments happened; and the
//! ledger and the audit log refuse changes.

mod common;

use common::{
    browser, call, checkout_form, place_order, product, signed_in_as, spawn_shop, stock_of,
};

async fn add_to_cart(client: &reqwest::Client, app: &common::TestApp, sku: &str, quantity: &str) {
    let (id, _) = product(app, sku).await;
    let response = call(
        client,
        app,
        "add_to_cart",
        &[("product_id", &id), ("quantity", quantity)],
    )
    .await;
    assert_eq!(response.status(), 200, "{:?}", response.text().await);
}

async fn order(app: &common::TestApp, sku: &str, quantity: &str, payment: &'static str) -> String {
    let guest = browser();
    add_to_cart(&guest, app, sku, quantity).await;
    let response = place_order(&guest, app, &checkout_form(&[("payment", payment)])).await;
    assert_eq!(response.status(), 200);
    sqlx::query_scalar("SELECT reference FROM orders ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn ledger_sum(app: &common::TestApp, sku: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT coalesce(sum(m.delta), 0)::bigint FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = $1",
    )
    .bind(sku)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_ledger_sums_to_the_stock_after_orders_cancellations_expiries_and_adjustments() {
    let app = spawn_shop().await;
    let sku = "STP-001";
    let start = stock_of(&app, sku).await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let (id, _) = product(&app, sku).await;

    let kept = order(&app, sku, "2", "cod").await;
    let cancelled = order(&app, sku, "3", "cod").await;
    let expired = order(&app, sku, "1", "upi").await;
    let adjust = |quantity: &'static str, reason: &'static str| {
        let (staff, app, id) = (&staff, &app, id.clone());
        async move {
            call(
                staff,
                app,
                "admin/adjust_stock",
                &[
                    ("product_id", &id),
                    ("quantity", quantity),
                    ("reason", reason),
                    ("note", "count"),
                ],
            )
            .await
        }
    };
    assert_eq!(adjust("10", "received").await.status(), 200);
    assert_eq!(adjust("-4", "damaged").await.status(), 200);
    let cancel = call(
        &staff,
        &app,
        "admin/advance_order",
        &[("reference", &cancelled), ("to", "cancelled")],
    )
    .await;
    assert_eq!(cancel.status(), 200);
    // Cancelling twice returns the stock once.
    let again = call(
        &staff,
        &app,
        "admin/advance_order",
        &[("reference", &cancelled), ("to", "cancelled")],
    )
    .await;
    assert_eq!(again.status(), 422);
    sqlx::query("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE reference = $1")
        .bind(&expired)
        .execute(&app.pool)
        .await
        .unwrap();
    haat::server::order_expiry::expire_due(&app.pool)
        .await
        .unwrap();
    // Removing more than is on hand is refused and changes nothing.
    let too_many = adjust("-100000", "correction").await;
    assert_eq!(too_many.status(), 422);

    let now = stock_of(&app, sku).await;
    assert_eq!(now, start - 2 + 10 - 4);
    assert_eq!(ledger_sum(&app, sku).await, i64::from(now));
    let mismatches = haat::db::stock::ledger_mismatches(&app.pool).await.unwrap();
    assert!(mismatches.is_empty(), "{mismatches:?}");

    let reasons: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT m.reason, o.reference FROM stock_movements m JOIN products p ON p.id = m.product_id
         LEFT JOIN orders o ON o.id = m.order_id WHERE p.sku = $1 ORDER BY m.id",
    )
    .bind(sku)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let expected = [
        ("opening", None),
        ("order", Some(kept.clone())),
        ("order", Some(cancelled.clone())),
        ("order", Some(expired.clone())),
        ("received", None),
        ("damaged", None),
        ("cancelled", Some(cancelled.clone())),
        ("expired", Some(expired.clone())),
    ];
    let expected: Vec<(String, Option<String>)> = expected
        .into_iter()
        .map(|(r, o)| (r.to_string(), o))
        .collect();
    assert_eq!(reasons, expected);
}

#[tokio::test]
async fn a_stock_change_made_by_hand_in_the_database_is_still_recorded() {
    let app = spawn_shop().await;
    sqlx::query("UPDATE products SET stock = stock + 7 WHERE sku = 'STP-002'")
        .execute(&app.pool)
        .await
        .unwrap();
    let last: (String, i32) = sqlx::query_as(
        "SELECT m.reason, m.delta FROM stock_movements m JOIN products p ON p.id = m.product_id
         WHERE p.sku = 'STP-002' ORDER BY m.id DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(last, ("correction".to_string(), 7));
    assert!(haat::db::stock::ledger_mismatches(&app.pool)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn the_ledger_and_the_audit_log_refuse_updates_and_deletes() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let saved = call(
        &admin,
        &app,
        "admin/save_home",
        &[("hero_title", "Fresh every morning"), ("hero_text", "")],
    )
    .await;
    assert_eq!(saved.status(), 200);
    for statement in [
        "UPDATE stock_movements SET delta = delta + 1",
        "DELETE FROM stock_movements",
        "TRUNCATE stock_movements",
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ] {
        let refused = sqlx::query(statement).execute(&app.pool).await;
        assert!(refused.is_err(), "{statement} was allowed");
    }
    let entries: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'home.updated'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(entries, 1);
}

#[tokio::test]
async fn falling_to_the_low_stock_threshold_emails_every_admin_once() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (id, stock) = product(&app, "STP-003").await;
    assert!(stock > 6);
    let take = format!("-{}", stock - 5);
    let response = call(
        &admin,
        &app,
        "admin/adjust_stock",
        &[
            ("product_id", &id),
            ("quantity", &take),
            ("reason", "damaged"),
            ("note", ""),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    // Falling further below the threshold does not email again.
    call(
        &admin,
        &app,
        "admin/adjust_stock",
        &[
            ("product_id", &id),
            ("quantity", "-1"),
            ("reason", "damaged"),
            ("note", ""),
        ],
    )
    .await;
    let config = haat::server::config::Config::from_lookup(|name| {
        (name == "DATABASE_URL").then(|| "postgres://unused".to_string())
    })
    .unwrap();
    haat::server::low_stock::send_due(&app.pool, &config)
        .await
        .unwrap();
    let emails: Vec<(String, String)> = sqlx::query_as(
        "SELECT to_address, subject FROM email_outbox WHERE subject LIKE 'Low stock%'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let to: Vec<&str> = emails.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(emails.len(), 2, "{emails:?}");
    assert!(to.contains(&"vikram@example.in") && to.contains(&"admin@demo.haat.local"));
}
