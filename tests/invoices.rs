//! GST tax invoices: issued when an order is paid or collected, with CGST +
//! SGST inside the shop's State and IGST across States, numbered per
//! financial year without gaps under concurrency, totals that add up, and
//! never changed once issued.

mod common;

use common::*;

const SHOP_GSTIN: &str = "29AAGCB7383J1Z4";

async fn shop_in_karnataka(app: &TestApp) {
    sqlx::query(
        "UPDATE settings SET state = 'Karnataka', gstin = $1, address = '12 MG Road, Bengaluru 560001'",
    )
    .bind(SHOP_GSTIN)
    .execute(&app.pool)
    .await
    .unwrap();
}

/// A guest's cash order of `quantity` of `sku`; returns (reference, key).
async fn cash_order(
    app: &TestApp,
    sku: &str,
    quantity: &str,
    delivery_state: Option<&'static str>,
) -> (String, String) {
    let guest = guest_with_cart(app, sku, quantity).await;
    let mut form = vec![("payment", "cod")];
    if let Some(state) = delivery_state {
        form.extend([
            ("fulfilment", "delivery"),
            ("address", "4 Marine Drive"),
            ("city", "Mumbai"),
            ("state", state),
            ("pin", "400002"),
        ]);
    }
    let placed = place_order(&guest, app, &checkout_form(&form)).await;
    assert_eq!(placed.status(), 200, "{:?}", placed.text().await);
    let location = placed.headers()["location"].to_str().unwrap().to_string();
    let reference = order_reference(&placed);
    let key = location
        .split("key=")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    (reference, key)
}

async fn invoice_of(
    app: &TestApp,
    reference: &str,
) -> Option<(String, bool, i64, i64, i64, i64, i64, i64)> {
    sqlx::query_as(
        "SELECT i.number, i.inter_state, i.cgst_paise, i.sgst_paise, i.igst_paise, i.total_paise,
                i.payable_paise, i.round_off_paise
         FROM invoices i JOIN orders o ON o.id = i.order_id WHERE o.reference = $1",
    )
    .bind(reference)
    .fetch_optional(&app.pool)
    .await
    .unwrap()
}

async fn set_status(app: &TestApp, reference: &str, status: &str) {
    sqlx::query("UPDATE orders SET status = $2 WHERE reference = $1")
        .bind(reference)
        .bind(status)
        .execute(&app.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_collected_order_gets_an_intra_state_invoice_with_every_rule_46_field() {
    let app = spawn_shop().await;
    shop_in_karnataka(&app).await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let (reference, key) = cash_order(&app, "STP-001", "2", None).await;
    assert!(
        invoice_of(&app, &reference).await.is_none(),
        "not before it is paid"
    );
    for to in ["packed", "ready_for_pickup", "delivered"] {
        let moved = call(
            &staff,
            &app,
            "admin/advance_order",
            &[("reference", &reference), ("to", to)],
        )
        .await;
        assert!(moved.status().is_success(), "{to}: {}", moved.status());
    }
    let (number, inter, cgst, sgst, igst, total, payable, round_off) = invoice_of(&app, &reference)
        .await
        .expect("an invoice once collected");
    assert!(number.starts_with("INV/") && number.len() <= 16, "{number}");
    assert!(!inter);
    assert_eq!(igst, 0);
    // Two basmati packs at ₹689 with 5 % GST inside: ₹65.62 of tax, split.
    assert_eq!(total, 137_800);
    assert_eq!(cgst + sgst, 137_800 - 131_238);
    assert!((cgst - sgst).abs() <= 1);
    assert_eq!(payable, 137_800);
    assert_eq!(round_off, 0);

    let (status, body) = page_as(
        &browser(),
        &app,
        &format!("/orders/{reference}/invoice?key={key}"),
    )
    .await;
    assert_eq!(status, 200);
    for field in [
        "Tax invoice",
        number.as_str(),
        SHOP_GSTIN,
        "12 MG Road, Bengaluru 560001",
        "Karnataka (29)",
        "Asha Rao",
        "Basmati Rice",
        "1006",
        "CGST",
        "SGST",
        "Amount payable",
    ] {
        assert!(body.contains(field), "the invoice shows {field}");
    }
    // Someone without the order's link sees nothing.
    let (status, body) = page(&app, &format!("/orders/{reference}/invoice")).await;
    assert!(!body.contains(&number), "{status}");
    // The order page links to it.
    let (_, order) = page_as(&browser(), &app, &format!("/orders/{reference}?key={key}")).await;
    assert!(order.contains(&format!("Tax invoice {number}")));
}

#[tokio::test]
async fn a_delivery_to_another_state_is_taxed_as_igst_and_rounded_to_the_rupee() {
    let app = spawn_shop().await;
    shop_in_karnataka(&app).await;
    // Three vitamin C packs at ₹25 with 12 % GST inside.
    let (reference, _) = cash_order(&app, "HLT-006", "3", Some("Maharashtra")).await;
    set_status(&app, &reference, "paid").await;
    let (_, inter, cgst, sgst, igst, total, payable, round_off) =
        invoice_of(&app, &reference).await.unwrap();
    assert!(inter);
    assert_eq!((cgst, sgst), (0, 0));
    assert_eq!(total, 7_500);
    assert_eq!(igst, 7_500 - 6_696);
    assert_eq!(payable % 100, 0);
    assert_eq!(payable - total, round_off);
    let place: String = sqlx::query_scalar(
        "SELECT place_of_supply || ' ' || place_of_supply_code FROM invoices i JOIN orders o ON o.id = i.order_id WHERE o.reference = $1",
    )
    .bind(&reference)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(place, "Maharashtra 27");
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    let (status, body) = page_as(&staff, &app, &format!("/orders/{reference}/invoice")).await;
    assert_eq!(status, 200);
    assert!(body.contains("IGST") && body.contains("Maharashtra (27)"));
}

#[tokio::test]
async fn fifty_orders_paid_at_once_get_fifty_consecutive_numbers() {
    let app = spawn_shop().await;
    let mut references = Vec::new();
    for _ in 0..50 {
        references.push(cash_order(&app, "SNK-001", "1", None).await.0);
    }
    futures::future::join_all(references.iter().map(|r| set_status(&app, r, "paid"))).await;
    let mut sequences: Vec<i32> =
        sqlx::query_scalar("SELECT sequence FROM invoices ORDER BY sequence")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    sequences.dedup();
    assert_eq!(sequences, (1..=50).collect::<Vec<_>>());
}

#[tokio::test]
async fn numbers_restart_each_financial_year_without_gaps_even_when_an_invoice_is_rolled_back() {
    let app = spawn_shop().await;
    let mut ids = Vec::new();
    for _ in 0..50 {
        let (reference, _) = cash_order(&app, "SNK-002", "1", None).await;
        let id: i64 = sqlx::query_scalar("SELECT id FROM orders WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        ids.push(id);
    }
    // One invoice is issued and rolled back: its number is not lost.
    let mut tx = app.pool.begin().await.unwrap();
    sqlx::query("SELECT issue_invoice($1, '2027-03-31')")
        .bind(ids[0])
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    // The last day of one financial year and the first of the next, at once.
    futures::future::join_all(ids.iter().enumerate().map(|(n, id)| {
        let pool = app.pool.clone();
        let day = if n % 2 == 0 {
            "2027-03-31"
        } else {
            "2027-04-01"
        };
        async move {
            sqlx::query("SELECT issue_invoice($1, $2::date)")
                .bind(id)
                .bind(day)
                .execute(&pool)
                .await
                .unwrap();
        }
    }))
    .await;
    for (year, first) in [("26-27", "INV/26-27/000001"), ("27-28", "INV/27-28/000001")] {
        let sequences: Vec<i32> = sqlx::query_scalar(
            "SELECT sequence FROM invoices WHERE financial_year = $1 ORDER BY sequence",
        )
        .bind(year)
        .fetch_all(&app.pool)
        .await
        .unwrap();
        assert_eq!(sequences, (1..=25).collect::<Vec<_>>(), "{year}");
        let number: String = sqlx::query_scalar(
            "SELECT number FROM invoices WHERE financial_year = $1 AND sequence = 1",
        )
        .bind(year)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(number, first);
    }
}

#[tokio::test]
async fn an_issued_invoice_cannot_be_changed_and_its_lines_add_up() {
    let app = spawn_shop().await;
    shop_in_karnataka(&app).await;
    let guest = guest_with_cart(&app, "STP-003", "1").await;
    call(
        &guest,
        &app,
        "add_to_cart",
        &[
            ("product_id", &product(&app, "HLT-004").await.0),
            ("quantity", "2"),
        ],
    )
    .await;
    let placed = place_order(&guest, &app, &checkout_form(&[("payment", "cod")])).await;
    let reference = order_reference(&placed);
    set_status(&app, &reference, "paid").await;
    let (header, lines): (i64, i64) = sqlx::query_as(
        "SELECT i.taxable_paise + i.cgst_paise + i.sgst_paise + i.igst_paise,
                (SELECT sum(l.taxable_paise + l.cgst_paise + l.sgst_paise + l.igst_paise)::bigint
                 FROM invoice_lines l WHERE l.invoice_id = i.id)
         FROM invoices i JOIN orders o ON o.id = i.order_id WHERE o.reference = $1",
    )
    .bind(&reference)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(header, lines);
    let order_total: i64 =
        sqlx::query_scalar("SELECT total_paise FROM orders WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(header, order_total);
    for change in [
        "UPDATE invoices SET number = 'INV/26-27/999999'",
        "DELETE FROM invoice_lines",
        "DELETE FROM invoices",
    ] {
        assert!(
            sqlx::query(change).execute(&app.pool).await.is_err(),
            "{change}"
        );
    }
    // Paying twice does not issue a second invoice.
    set_status(&app, &reference, "packed").await;
    set_status(&app, &reference, "delivered").await;
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM invoices")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 1);
}
