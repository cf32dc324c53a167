//! The month's GST files (sales register, B2B, B2C, HSN summary) add up to
//! the invoices to the paisa, carry a business buyer's GSTIN, keep formulas
//! out of spreadsheets, and are only for admins, managers and auditors.

mod common;

use common::*;

const BUYER_GSTIN: &str = "27AAPFU0939F1ZV";

/// Places and pays an order for `sku`; extra checkout fields in `form`.
async fn paid_order(
    app: &TestApp,
    sku: &str,
    quantity: &str,
    form: &[(&'static str, &'static str)],
) -> String {
    let reference = placed_order(app, sku, quantity, form).await;
    pay(app, &reference).await;
    reference
}

async fn pay(app: &TestApp, reference: &str) {
    sqlx::query("UPDATE orders SET status = 'paid' WHERE reference = $1")
        .bind(reference)
        .execute(&app.pool)
        .await
        .unwrap();
}

async fn placed_order(
    app: &TestApp,
    sku: &str,
    quantity: &str,
    form: &[(&'static str, &'static str)],
) -> String {
    let guest = guest_with_cart(app, sku, quantity).await;
    let mut fields = vec![("payment", "cod")];
    fields.extend_from_slice(form);
    let mut posted: Vec<(&str, &str)> = checkout_form(&fields);
    if let Some((_, gstin)) = form.iter().find(|(k, _)| *k == "gstin") {
        posted.push(("gstin", gstin));
    }
    let placed = place_order(&guest, app, &posted).await;
    assert_eq!(placed.status(), 200, "{:?}", placed.text().await);
    order_reference(&placed)
}

async fn csv(client: &reqwest::Client, app: &TestApp, report: &str) -> (u16, Vec<Vec<String>>) {
    let response = client
        .get(format!("{}/admin/gst/{report}.csv", app.url))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    let rows = csv_rows(&body);
    (status, rows)
}

fn csv_rows(body: &str) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The sum of column `name` over the data rows, in paise.
fn column_paise(rows: &[Vec<String>], name: &str) -> i64 {
    let at = rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows[1..]
        .iter()
        .map(|r| {
            let (rupees, paise) = r[at].split_once('.').unwrap();
            let sign = if rupees.starts_with('-') { -1 } else { 1 };
            sign * (rupees.trim_start_matches('-').parse::<i64>().unwrap() * 100
                + paise.parse::<i64>().unwrap())
        })
        .sum()
}

async fn invoice_sum(app: &TestApp, column: &str) -> i64 {
    sqlx::query_scalar(&format!(
        "SELECT coalesce(sum({column}), 0)::bigint FROM invoices"
    ))
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn every_file_adds_up_to_the_invoices_to_the_paisa() {
    let app = spawn_shop().await;
    // The demo shop is in Maharashtra.
    paid_order(&app, "STP-001", "3", &[]).await;
    paid_order(
        &app,
        "HLT-006",
        "7",
        &[
            ("fulfilment", "delivery"),
            ("address", "7 Residency Road"),
            ("city", "Bengaluru"),
            ("state", "Karnataka"),
            ("pin", "560025"),
        ],
    )
    .await;
    paid_order(&app, "SNK-001", "4", &[("gstin", BUYER_GSTIN)]).await;
    let odd = placed_order(&app, "HLT-004", "1", &[]).await;
    // A name a spreadsheet would run as a formula (checkout refuses such a
    // name; an old order or a hand edit could still hold one).
    sqlx::query(
        "UPDATE orders SET customer_name = '=HYPERLINK(\"http://evil\")' WHERE reference = $1",
    )
    .bind(&odd)
    .execute(&app.pool)
    .await
    .unwrap();
    pay(&app, &odd).await;
    let manager = signed_in_as(&app, "meena@example.in", "staff").await;
    sqlx::query("UPDATE users SET staff_role = 'manager' WHERE email = 'meena@example.in'")
        .execute(&app.pool)
        .await
        .unwrap();

    let (status, register) = csv(&manager, &app, "sales-register").await;
    assert_eq!(status, 200);
    assert_eq!(register.len(), 1 + 4);
    let (_, b2b) = csv(&manager, &app, "b2b").await;
    let (_, b2c) = csv(&manager, &app, "b2c").await;
    let (_, hsn) = csv(&manager, &app, "hsn").await;
    for (column, invoices) in [
        ("taxable_value", "taxable_paise"),
        ("cgst", "cgst_paise"),
        ("sgst", "sgst_paise"),
        ("igst", "igst_paise"),
    ] {
        let total = invoice_sum(&app, invoices).await;
        assert!(total > 0 || column == "igst" || column == "cgst" || column == "sgst");
        assert_eq!(column_paise(&register, column), total, "register {column}");
        assert_eq!(
            column_paise(&b2b, column) + column_paise(&b2c, column),
            total,
            "B2B + B2C {column}"
        );
        assert_eq!(column_paise(&hsn, column), total, "HSN {column}");
    }
    assert_eq!(
        column_paise(&register, "payable"),
        invoice_sum(&app, "payable_paise").await
    );
    assert!(
        invoice_sum(&app, "igst_paise").await > 0,
        "the Karnataka delivery is inter-State"
    );

    // The business buyer's invoice, and only it, is in B2B with its GSTIN.
    assert_eq!(b2b.len(), 2, "{b2b:?}");
    assert_eq!(b2b[1][0], BUYER_GSTIN);
    // A name that a spreadsheet would run as a formula is kept as text.
    assert!(
        register
            .iter()
            .any(|r| r[3] == "'=HYPERLINK(\"http://evil\")"),
        "{register:?}"
    );
    assert!(!register
        .iter()
        .any(|r| r.iter().any(|c| c.starts_with('='))));
    // The HSN summary names the codes sold.
    let codes: Vec<&str> = hsn[1..].iter().map(|r| r[0].as_str()).collect();
    for code in ["1006", "3004", "3808"] {
        assert!(codes.contains(&code), "{codes:?}");
    }
    // The screen shows the same totals.
    let (status, page) = page_as(&manager, &app, "/admin/gst").await;
    assert_eq!(status, 200);
    assert!(page.contains("Sales register (CSV)"));
}

#[tokio::test]
async fn a_wrong_gstin_at_checkout_is_refused_beside_the_field() {
    let app = spawn_shop().await;
    let guest = guest_with_cart(&app, "STP-001", "1").await;
    let mut form = checkout_form(&[("payment", "cod")]);
    form.push(("gstin", "27AAPFU0939F1ZX"));
    let response = place_order(&guest, &app, &form).await;
    assert_eq!(response.status(), 422);
    let (fields, values) = form_errors(response).await;
    assert_eq!(fields[0].0, "gstin", "{fields:?}");
    assert!(values.contains(&("gstin".into(), "27AAPFU0939F1ZX".into())));
    assert!(values.contains(&("name".into(), "Asha Rao".into())));
}

#[tokio::test]
async fn only_admins_managers_and_auditors_download_the_gst_files() {
    let app = spawn_shop().await;
    let visitor = browser();
    let (status, _) = csv(&visitor, &app, "sales-register").await;
    assert_ne!(status, 200);
    for (email, staff_role, allowed) in [
        ("a@example.in", Some("auditor"), true),
        ("m@example.in", Some("manager"), true),
        ("s@example.in", Some("sales"), false),
        ("p@example.in", Some("pharmacist"), false),
    ] {
        let client = signed_in_as(&app, email, "staff").await;
        sqlx::query("UPDATE users SET staff_role = $2 WHERE email = $1")
            .bind(email)
            .bind(staff_role)
            .execute(&app.pool)
            .await
            .unwrap();
        let (status, _) = csv(&client, &app, "hsn").await;
        assert_eq!(status == 200, allowed, "{staff_role:?}: {status}");
        let summary = call(&client, &app, "admin/load_gst_month", &[("month", "")]).await;
        assert_eq!(summary.status().is_success(), allowed, "{staff_role:?}");
    }
    let customer = signed_in_as(&app, "c@example.in", "customer").await;
    assert_eq!(csv(&customer, &app, "b2c").await.0, 403);
    let admin = signed_in_as(&app, "x@example.in", "admin").await;
    assert_eq!(csv(&admin, &app, "b2c").await.0, 200);
    assert_eq!(csv(&admin, &app, "nonsense").await.0, 404);
}
