//! Batches: goods receipts (all or nothing, wrong lines named), orders that
//! take the first batch to expire and never an expired one (Asia/Kolkata
//! dates), cancellations that put units back in their batches, prices
//! capped at the batch's MRP, and no overselling under concurrency.

mod common;

use common::*;

async fn today(app: &TestApp, plus_days: i32) -> String {
    sqlx::query_scalar("SELECT (kolkata_today() + $1)::text")
        .bind(plus_days)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn batch_quantity(app: &TestApp, batch_no: &str) -> i32 {
    sqlx::query_scalar("SELECT quantity FROM product_batches WHERE batch_no = $1")
        .bind(batch_no)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// A new batch-tracked product with no stock; returns its id as text.
async fn medicine(app: &TestApp, sku: &str, price_paise: i64) -> String {
    let id: i32 = sqlx::query_scalar(
        "INSERT INTO products (sku, slug, name, category_id, price_paise, mrp_paise, gst_rate, hsn, batch_tracked)
         VALUES ($1, lower($1), 'Test tablets ' || $1, (SELECT id FROM categories WHERE slug = 'pharmacy'), $2, $2, 12, '3004', true)
         RETURNING id",
    )
    .bind(sku)
    .bind(price_paise)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    id.to_string()
}

/// Posts a goods receipt of `lines` (product id, batch, expiry, units, cost, MRP).
async fn receive(
    staff: &reqwest::Client,
    app: &TestApp,
    invoice: &str,
    lines: &[(&str, &str, &str, &str, &str, &str)],
) -> reqwest::Response {
    let mut form: Vec<(String, String)> = vec![
        ("supplier".into(), "Shree Medico Distributors".into()),
        ("gstin".into(), "29AAGCB7383J1Z4".into()),
        ("invoice_number".into(), invoice.into()),
        ("invoice_date".into(), today(app, -1).await),
    ];
    for (i, (product, batch, expiry, units, cost, mrp)) in lines.iter().enumerate() {
        for (name, value) in [
            ("product_id", product),
            ("batch_no", batch),
            ("expires_on", expiry),
            ("quantity", units),
            ("cost", cost),
            ("mrp", mrp),
        ] {
            form.push((format!("lines[{i}][{name}]"), value.to_string()));
        }
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    call(staff, app, "admin/receive_goods", &pairs).await
}

async fn order_of(app: &TestApp, product_id: &str, quantity: &str) -> reqwest::Response {
    let guest = browser();
    let added = call(
        &guest,
        app,
        "add_to_cart",
        &[("product_id", product_id), ("quantity", quantity)],
    )
    .await;
    assert_eq!(added.status(), 200);
    place_order(&guest, app, &checkout_form(&[("payment", "cod")])).await
}

#[tokio::test]
async fn a_wrong_line_is_refused_beside_its_field_and_nothing_is_saved() {
    let app = spawn_shop().await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let id = medicine(&app, "TST-001", 5_000).await;
    let later = today(&app, 400).await;
    let response = receive(
        &staff,
        &app,
        "INV-1",
        &[
            (&id, "A1", &later, "10", "30", "50"),
            (&id, "B2", "2027-02-30", "5", "30", "50"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let (fields, values) = form_errors(response).await;
    assert_eq!(fields.len(), 1, "{fields:?}");
    assert_eq!(fields[0].0, "lines[1][expires_on]");
    assert!(values.contains(&("lines[0][batch_no]".into(), "A1".into())));
    assert!(values.contains(&("lines[1][expires_on]".into(), "2027-02-30".into())));
    assert!(values.contains(&("invoice_number".into(), "INV-1".into())));
    let batches: i64 =
        sqlx::query_scalar("SELECT count(*) FROM product_batches WHERE product_id = $1::int")
            .bind(&id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(batches, 0);

    // A line refused only while saving (an expired batch) also saves nothing.
    let yesterday = today(&app, -1).await;
    let response = receive(
        &staff,
        &app,
        "INV-1",
        &[
            (&id, "A1", &later, "10", "30", "50"),
            (&id, "B2", &yesterday, "5", "30", "50"),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let (fields, _) = form_errors(response).await;
    assert_eq!(fields[0].0, "lines[1][expires_on]", "{fields:?}");
    assert_eq!(stock_of(&app, "TST-001").await, 0);

    let response = receive(
        &staff,
        &app,
        "INV-1",
        &[(&id, "A1", &later, "10", "30", "50")],
    )
    .await;
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(stock_of(&app, "TST-001").await, 10);
    // The same supplier invoice cannot be received twice.
    let again = receive(
        &staff,
        &app,
        "INV-1",
        &[(&id, "A1", &later, "10", "30", "50")],
    )
    .await;
    assert_eq!(again.status(), 422);
    let (fields, _) = form_errors(again).await;
    assert_eq!(fields[0].0, "invoice_number");
    assert_eq!(stock_of(&app, "TST-001").await, 10);
}

#[tokio::test]
async fn an_order_takes_the_first_batch_to_expire_then_the_next_and_a_cancellation_puts_them_back()
{
    let app = spawn_shop().await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let id = medicine(&app, "TST-002", 5_000).await;
    let (soon, later) = (today(&app, 30).await, today(&app, 300).await);
    // Received in the "wrong" order: the later batch first.
    let response = receive(
        &staff,
        &app,
        "INV-2",
        &[
            (&id, "LATE", &later, "10", "30", "50"),
            (&id, "SOON", &soon, "4", "30", "50"),
        ],
    )
    .await;
    assert!(response.status().is_success());
    let placed = order_of(&app, &id, "6").await;
    assert_eq!(placed.status(), 200);
    let reference = order_reference(&placed);
    assert_eq!(batch_quantity(&app, "SOON").await, 0);
    assert_eq!(batch_quantity(&app, "LATE").await, 8);
    assert_eq!(stock_of(&app, "TST-002").await, 8);
    let taken: Vec<(String, i32)> = sqlx::query_as(
        "SELECT b.batch_no, oib.quantity FROM order_item_batches oib JOIN product_batches b ON b.id = oib.batch_id
         JOIN orders o ON o.id = oib.order_id WHERE o.reference = $1 ORDER BY b.expires_on",
    )
    .bind(&reference)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(taken, vec![("SOON".into(), 4), ("LATE".into(), 2)]);

    let cancelled = call(
        &staff,
        &app,
        "admin/advance_order",
        &[("reference", &reference), ("to", "cancelled")],
    )
    .await;
    assert!(cancelled.status().is_success(), "{}", cancelled.status());
    assert_eq!(batch_quantity(&app, "SOON").await, 4);
    assert_eq!(batch_quantity(&app, "LATE").await, 10);
    assert_eq!(stock_of(&app, "TST-002").await, 14);
    assert!(haat::db::batches::ledger_mismatches(&app.pool)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_batch_is_not_sold_on_its_expiry_date_in_india() {
    let app = spawn_shop().await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let id = medicine(&app, "TST-003", 5_000).await;
    let tomorrow = today(&app, 1).await;
    let response = receive(
        &staff,
        &app,
        "INV-3",
        &[(&id, "EDGE", &tomorrow, "5", "30", "50")],
    )
    .await;
    assert!(response.status().is_success());
    // The day before its expiry date the batch sells.
    assert_eq!(stock_of(&app, "TST-003").await, 5);
    assert_eq!(order_of(&app, &id, "1").await.status(), 200);

    // The expiry date arrives (Asia/Kolkata) before the shop's figures catch
    // up: the order still refuses the batch.
    let guest = browser();
    call(
        &guest,
        &app,
        "add_to_cart",
        &[("product_id", &id), ("quantity", "1")],
    )
    .await;
    sqlx::query("ALTER TABLE product_batches DISABLE TRIGGER product_batches_record")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE product_batches SET expires_on = kolkata_today() WHERE batch_no = 'EDGE'")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("ALTER TABLE product_batches ENABLE TRIGGER product_batches_record")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(stock_of(&app, "TST-003").await, 4, "not caught up yet");
    let refused = place_order(&guest, &app, &checkout_form(&[("payment", "cod")])).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(batch_quantity(&app, "EDGE").await, 4);

    // The expiry job's round takes it out of the sellable stock (and the badge).
    let today = today(&app, 0).await;
    let changed = haat::db::batches::refresh_expired(&app.pool, &today)
        .await
        .unwrap();
    assert!(changed >= 1);
    assert_eq!(stock_of(&app, "TST-003").await, 0);
}

#[tokio::test]
async fn the_price_never_exceeds_the_mrp_of_the_batch_being_sold() {
    let app = spawn_shop().await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    // The catalogue says ₹50; the older batch's pack says MRP ₹45.
    let id = medicine(&app, "TST-004", 5_000).await;
    let (soon, later) = (today(&app, 20).await, today(&app, 200).await);
    let received = receive(
        &staff,
        &app,
        "INV-4",
        &[
            (&id, "OLD", &soon, "2", "30", "45"),
            (&id, "NEW", &later, "5", "30", "55"),
        ],
    )
    .await;
    assert!(received.status().is_success());
    let (status, body) = page(&app, "/p/tst-004").await;
    assert_eq!(status, 200);
    let price = body.find("₹").map(|i| &body[i..i + 40]);
    assert!(
        body.contains("₹45.00"),
        "the product page shows the batch's MRP as the price: {price:?}"
    );
    assert!(
        !body.contains("₹50.00"),
        "{}",
        &body[body.find("₹50.00").unwrap_or(0).saturating_sub(300)..][..600]
    );
    let placed = order_of(&app, &id, "1").await;
    let reference = order_reference(&placed);
    let price: i64 = sqlx::query_scalar(
        "SELECT unit_price_paise FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.reference = $1",
    )
    .bind(&reference)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(price, 4_500);
    // Once the old batch is sold out the catalogue price applies again.
    order_of(&app, &id, "1").await;
    let (_, body) = page(&app, "/p/tst-004").await;
    assert!(body.contains("₹50.00"));
}

#[tokio::test]
async fn a_hundred_shoppers_and_three_batches_sell_exactly_the_units_there_are() {
    let app = spawn_shop().await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let id = medicine(&app, "TST-005", 5_000).await;
    let (a, b, c) = (
        today(&app, 10).await,
        today(&app, 20).await,
        today(&app, 30).await,
    );
    receive(
        &staff,
        &app,
        "INV-5",
        &[
            (&id, "B1", &a, "3", "30", "50"),
            (&id, "B2", &b, "4", "30", "50"),
            (&id, "B3", &c, "5", "30", "50"),
        ],
    )
    .await;
    let mut shoppers = Vec::new();
    for _ in 0..100 {
        let client = browser();
        let added = call(
            &client,
            &app,
            "add_to_cart",
            &[("product_id", &id), ("quantity", "1")],
        )
        .await;
        assert_eq!(added.status(), 200);
        shoppers.push(client);
    }
    let statuses = futures::future::join_all(shoppers.iter().map(|client| {
        let app = &app;
        async move {
            place_order(client, app, &checkout_form(&[("payment", "cod")]))
                .await
                .status()
                .as_u16()
        }
    }))
    .await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        12,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 422),
        "{statuses:?}"
    );
    for batch in ["B1", "B2", "B3"] {
        assert_eq!(batch_quantity(&app, batch).await, 0, "{batch}");
    }
    let sold: i64 = sqlx::query_scalar(
        "SELECT sum(oib.quantity)::bigint FROM order_item_batches oib WHERE oib.product_id = $1::int",
    )
    .bind(&id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(sold, 12);
    assert_eq!(stock_of(&app, "TST-005").await, 0);
}

#[tokio::test]
async fn sales_staff_and_auditors_cannot_receive_goods_or_adjust_batches() {
    let app = spawn_shop().await;
    let id = medicine(&app, "TST-006", 5_000).await;
    let later = today(&app, 100).await;
    for (email, staff_role) in [("sam@example.in", "sales"), ("anu@example.in", "auditor")] {
        let client = signed_in_as(&app, email, "staff").await;
        sqlx::query("UPDATE users SET staff_role = $2 WHERE email = $1")
            .bind(email)
            .bind(staff_role)
            .execute(&app.pool)
            .await
            .unwrap();
        let response = receive(
            &client,
            &app,
            "INV-6",
            &[(&id, "X1", &later, "1", "1", "2")],
        )
        .await;
        assert_eq!(response.status(), 403, "{staff_role}");
        let response = call(
            &client,
            &app,
            "admin/adjust_batch",
            &[
                ("product_id", &id),
                ("batch_id", "1"),
                ("quantity", "5"),
                ("reason", "correction"),
                ("note", ""),
            ],
        )
        .await;
        assert_eq!(response.status(), 403, "{staff_role}");
        // Reading is allowed.
        let (status, _) = page_as(&client, &app, "/admin/expiry").await;
        assert_eq!(status, 200);
    }
    let pharmacist = signed_in_as(&app, "priya@example.in", "staff").await;
    sqlx::query("UPDATE users SET staff_role = 'pharmacist' WHERE email = 'priya@example.in'")
        .execute(&app.pool)
        .await
        .unwrap();
    let response = receive(
        &pharmacist,
        &app,
        "INV-6",
        &[(&id, "X1", &later, "1", "1", "2")],
    )
    .await;
    assert!(response.status().is_success());
}

#[tokio::test]
async fn the_demo_pharmacy_has_an_expired_a_near_expiry_and_in_date_batches() {
    let app = spawn_shop().await;
    let counts = haat::db::batches::alert_counts(&app.pool).await.unwrap();
    assert_eq!(counts.expired, 1);
    assert!(counts.near_expiry >= 1);
    // The expired batch of PHM-002 is not counted as sellable.
    assert_eq!(stock_of(&app, "PHM-002").await, 40);
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let (status, body) = page_as(&staff, &app, "/admin/expiry").await;
    assert_eq!(status, 200);
    assert!(body.contains("OK24X09"), "the expired batch is listed");
    assert!(body.contains("DL24A17"), "the near-expiry batch is listed");
    let (status, body) = page_as(&staff, &app, "/admin/receiving").await;
    assert_eq!(status, 200);
    assert!(body.contains("SMD/2026/0417"));
}

#[tokio::test]
async fn auditors_cannot_move_orders_on_and_open_orders_keep_a_product_out_of_batches() {
    let app = spawn_shop().await;
    let placed = order_of(&app, &product(&app, "STP-002").await.0, "1").await;
    let reference = order_reference(&placed);
    let auditor = signed_in_as(&app, "anu@example.in", "staff").await;
    sqlx::query("UPDATE users SET staff_role = 'auditor' WHERE email = 'anu@example.in'")
        .execute(&app.pool)
        .await
        .unwrap();
    let refused = call(
        &auditor,
        &app,
        "admin/advance_order",
        &[("reference", &reference), ("to", "packed")],
    )
    .await;
    assert_eq!(refused.status(), 403);
    let seller = signed_in_as(&app, "sam@example.in", "staff").await;
    sqlx::query("UPDATE users SET staff_role = 'sales' WHERE email = 'sam@example.in'")
        .execute(&app.pool)
        .await
        .unwrap();
    let moved = call(
        &seller,
        &app,
        "admin/advance_order",
        &[("reference", &reference), ("to", "packed")],
    )
    .await;
    assert!(moved.status().is_success(), "{}", moved.status());

    // Switching a product with an open order to batches is refused.
    let id = medicine(&app, "TST-007", 5_000).await;
    let later = today(&app, 100).await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    receive(
        &staff,
        &app,
        "INV-7",
        &[(&id, "Z1", &later, "1", "10", "50")],
    )
    .await;
    order_of(&app, &id, "1").await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let category: i32 = sqlx::query_scalar("SELECT id FROM categories WHERE slug = 'pharmacy'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let category = category.to_string();
    let saved = call(
        &admin,
        &app,
        "admin/save_product",
        &[
            ("id", &id),
            ("name", "Test tablets TST-007"),
            ("slug", "tst-007"),
            ("sku", "TST-007"),
            ("brand", ""),
            ("category_id", &category),
            ("unit", ""),
            ("description", ""),
            ("price", "50"),
            ("mrp", "50"),
            ("gst_rate", "12"),
            ("hsn", "3004"),
            ("low_stock_threshold", ""),
            ("opening_stock", ""),
            ("active", "on"),
        ],
    )
    .await;
    assert_eq!(saved.status(), 422);
    let (fields, _) = form_errors(saved).await;
    assert_eq!(fields[0].0, "batch_tracked", "{fields:?}");
}
