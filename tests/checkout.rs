//! Checkout over HTTP: orders take stock atomically, never oversell under
//! concurrency, price themselves, expire and return stock, and UPI details.

mod common;

use common::*;
use serde_json::Value;

#[tokio::test]
async fn a_upi_order_takes_the_stock_and_shows_a_payable_intent() {
    let app = spawn_shop().await;
    let guest = browser();
    let (rice, before) = product(&app, "STP-001").await;
    call(
        &guest,
        &app,
        "add_to_cart",
        &[("product_id", &rice), ("quantity", "2")],
    )
    .await;
    let placed = place_order(&guest, &app, &checkout_form(&[])).await;
    assert_eq!(placed.status(), 200);
    let reference = order_reference(&placed);
    assert_eq!(stock_of(&app, "STP-001").await, before - 2);

    let order: Value = call(&guest, &app, "load_order", &[("reference", &reference)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(order["status"], "awaiting_payment");
    assert_eq!(order["total"], 2 * 68_900);
    let intent = order["upi_intent"].as_str().unwrap();
    let query: Vec<(String, String)> = url::Url::parse(intent)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect();
    let get = |k: &str| {
        query
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    assert_eq!(
        (get("pa"), get("pn"), get("am"), get("cu"), get("tr")),
        (
            "demo.store@upi",
            "Haat Demo Store",
            "1378.00",
            "INR",
            reference.as_str()
        )
    );
    assert!(
        order["upi_qr_svg"].as_str().unwrap().starts_with("<?xml")
            || order["upi_qr_svg"].as_str().unwrap().contains("<svg")
    );

    // The cart is empty after ordering, and another visitor cannot see the order.
    let cart: Value = call(&guest, &app, "load_cart", &[])
        .await
        .json()
        .await
        .unwrap();
    assert!(cart["lines"].as_array().unwrap().is_empty());
    assert_eq!(
        call(&browser(), &app, "load_order", &[("reference", &reference)])
            .await
            .status(),
        404
    );

    // A wrong UTR is refused; the right one moves the order on; staff confirm.
    let bad = call(
        &guest,
        &app,
        "submit_utr",
        &[("reference", &reference), ("utr", "12345")],
    )
    .await;
    assert_eq!(bad.status(), 422);
    assert_eq!(
        call(
            &guest,
            &app,
            "submit_utr",
            &[("reference", &reference), ("utr", "412345678901")]
        )
        .await
        .status(),
        200
    );
    let staff = browser();
    sign_up(&staff, &app, "meena@example.in").await;
    assert_eq!(
        call(
            &staff,
            &app,
            "admin/advance_order",
            &[("reference", &reference), ("to", "paid")]
        )
        .await
        .status(),
        403
    );
    set_role(&app, "meena@example.in", "staff").await;
    assert_eq!(
        call(
            &staff,
            &app,
            "admin/advance_order",
            &[("reference", &reference), ("to", "paid")]
        )
        .await
        .status(),
        200
    );
    let order: Value = call(&guest, &app, "load_order", &[("reference", &reference)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(order["status"], "paid");
    let timeline: Vec<&str> = order["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(timeline, ["awaiting_payment", "payment_submitted", "paid"]);
    let mails: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM email_outbox WHERE subject LIKE 'Your Haat order%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    // One when it was placed, one when staff confirmed the payment.
    assert_eq!(mails, 2);
}

#[tokio::test]
async fn bad_checkout_input_is_refused_per_field_and_nothing_is_ordered() {
    let app = spawn_shop().await;
    let guest = browser();
    let (rice, before) = product(&app, "STP-001").await;
    call(
        &guest,
        &app,
        "add_to_cart",
        &[("product_id", &rice), ("quantity", "1")],
    )
    .await;
    let response = place_order(
        &guest,
        &app,
        &checkout_form(&[
            ("email", "asha@"),
            ("mobile", "12345"),
            ("fulfilment", "delivery"),
            ("pin", "01234"),
            ("state", "Atlantis"),
            ("payment", "bitcoin"),
        ]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let fields: Vec<&str> = body["Invalid"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f[0].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["email", "mobile", "address", "city", "state", "pin", "payment"]
    );
    assert_eq!(stock_of(&app, "STP-001").await, before);
    let orders: i64 =
        sqlx::query_scalar("SELECT count(*) FROM orders WHERE reference NOT LIKE 'DEMO-%'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(orders, 0);
    // An empty cart cannot be ordered.
    let empty = place_order(&browser(), &app, &checkout_form(&[])).await;
    assert_eq!(empty.status(), 422);
}

#[tokio::test]
async fn an_unpaid_upi_order_expires_and_returns_its_stock_but_cash_orders_do_not() {
    let app = spawn_shop().await;
    let (atta, before) = product(&app, "STP-003").await;
    let upi = browser();
    call(
        &upi,
        &app,
        "add_to_cart",
        &[("product_id", &atta), ("quantity", "3")],
    )
    .await;
    place_order(&upi, &app, &checkout_form(&[])).await;
    let cash = browser();
    call(
        &cash,
        &app,
        "add_to_cart",
        &[("product_id", &atta), ("quantity", "2")],
    )
    .await;
    place_order(&cash, &app, &checkout_form(&[("payment", "cod")])).await;
    assert_eq!(stock_of(&app, "STP-003").await, before - 5);

    // Not yet due: nothing happens.
    assert_eq!(
        haat::server::order_expiry::expire_due(&app.pool)
            .await
            .unwrap(),
        0
    );
    // Thirty minutes pass.
    sqlx::query(
        "UPDATE orders SET expires_at = now() - interval '1 second' WHERE payment_method = 'upi'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        haat::server::order_expiry::expire_due(&app.pool)
            .await
            .unwrap(),
        1
    );
    assert_eq!(stock_of(&app, "STP-003").await, before - 2);
    // Running again returns nothing twice.
    assert_eq!(
        haat::server::order_expiry::expire_due(&app.pool)
            .await
            .unwrap(),
        0
    );
    assert_eq!(stock_of(&app, "STP-003").await, before - 2);
    let statuses: Vec<String> = sqlx::query_scalar(
        "SELECT status FROM orders WHERE reference NOT LIKE 'DEMO-%' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(statuses, ["expired", "to_pay_at_pickup"]);
}

#[tokio::test]
async fn a_customers_orders_are_listed_in_their_account() {
    let app = spawn_shop().await;
    let customer = browser();
    sign_up(&customer, &app, "asha@example.in").await;
    let (rice, _) = product(&app, "STP-001").await;
    call(
        &customer,
        &app,
        "add_to_cart",
        &[("product_id", &rice), ("quantity", "1")],
    )
    .await;
    place_order(&customer, &app, &checkout_form(&[("payment", "cod")])).await;
    let orders: Value = call(&customer, &app, "my_orders", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(orders.as_array().unwrap().len(), 1);
    assert_eq!(orders[0]["status"], "to_pay_at_pickup");
    assert_eq!(call(&browser(), &app, "my_orders", &[]).await.status(), 401);
}

#[tokio::test]
async fn an_order_whose_new_reference_is_already_taken_is_placed_under_another() {
    let app = spawn_shop().await;
    // The first reference drawn clashes with an existing order (a sequence
    // counts the attempts: it is not rolled back with the failed insert).
    sqlx::raw_sql(
        "CREATE SEQUENCE reference_attempts;
         CREATE FUNCTION first_reference_clashes() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
             IF nextval('reference_attempts') = 1 THEN
                 RAISE unique_violation USING CONSTRAINT = 'orders_reference_key',
                     MESSAGE = 'duplicate key value violates unique constraint';
             END IF;
             RETURN NEW;
         END $$;
         CREATE TRIGGER first_reference_clashes BEFORE INSERT ON orders
             FOR EACH ROW EXECUTE FUNCTION first_reference_clashes();",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let guest = guest_with_cart(&app, "STP-001", "1").await;
    let placed = place_order(&guest, &app, &checkout_form(&[])).await;
    assert!(
        placed.headers().contains_key("location"),
        "{}",
        placed.status()
    );
    let reference = order_reference(&placed);
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(orders, 1);
    let attempts: i64 = sqlx::query_scalar("SELECT last_value FROM reference_attempts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(attempts, 2);
}
