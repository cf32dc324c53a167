//! The partner programme over HTTP: applying, approval, attribution through
//! a referral link, commissions from delivery to payout, reversals, and one
//! partner never seeing another's figures.

mod common;

use common::*;
use reqwest::Client;
use serde_json::Value;

/// A business partner's application, valid unless `overrides` change it.
fn business_application(
    email: &'static str,
    overrides: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let mut form = vec![
        ("kind", "bpp"),
        ("name", "Kavita Deshpande"),
        ("email", email),
        ("mobile", "+91 98220 11111"),
        ("city", "Pune"),
        ("pan", "AAPFU0939F"),
        ("upi_id", "kavita.clinic@okicici"),
        ("business_name", "Deshpande Clinic"),
        ("gstin", "27AAPFU0939F1ZV"),
        ("address", "21 Karve Road, Pune 411004"),
    ];
    for (key, value) in overrides {
        if let Some(field) = form.iter_mut().find(|(k, _)| k == key) {
            field.1 = value;
        }
    }
    form
}

async fn emails_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body_text FROM email_outbox WHERE to_address = $1 ORDER BY id")
        .bind(to)
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

async fn application_id(app: &TestApp, email: &str) -> String {
    let id: i64 = sqlx::query_scalar("SELECT id FROM partner_applications WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    id.to_string()
}

/// Applies, has an admin approve, and signs the new partner in with the
/// link from the approval email. Returns the partner's client and code.
async fn approved_partner(app: &TestApp, admin: &Client, email: &'static str) -> (Client, String) {
    let visitor = browser();
    let applied = call(
        &visitor,
        app,
        "apply_as_partner",
        &business_application(email, &[]),
    )
    .await;
    assert_eq!(applied.status(), 200, "{}", applied.text().await.unwrap());
    let id = application_id(app, email).await;
    let approved = call(admin, app, "admin/approve_application", &[("id", &id)]).await;
    assert_eq!(approved.status(), 200, "{}", approved.text().await.unwrap());

    let (_, body) = emails_to(app, email)
        .await
        .into_iter()
        .find(|(subject, _)| subject.contains("partner programme"))
        .expect("an approval email");
    let token = body
        .split("token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a link to choose a password");
    let chosen = call(
        &visitor,
        app,
        "reset_password",
        &[("token", token), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(chosen.status(), 200, "{}", chosen.text().await.unwrap());
    let partner = browser();
    assert_eq!(log_in(&partner, app, email, PASSWORD).await.status(), 200);
    let code: String = sqlx::query_scalar(
        "SELECT referral_code FROM partners p JOIN users u ON u.id = p.user_id WHERE u.email = $1",
    )
    .bind(email)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    (partner, code)
}

/// A shopper who arrived through `code`'s link orders two packs of rice to
/// pick up and pay in cash; returns the order reference.
async fn referred_order(app: &TestApp, code: &str, email: &'static str) -> String {
    let shopper = browser();
    let visit = shopper
        .get(format!("{}/?ref={}", app.url, code.to_lowercase()))
        .send()
        .await
        .unwrap();
    assert_eq!(visit.status(), 200);
    let (rice, _) = product(app, "STP-001").await;
    call(
        &shopper,
        app,
        "add_to_cart",
        &[("product_id", &rice), ("quantity", "2")],
    )
    .await;
    let placed = place_order(
        &shopper,
        app,
        &checkout_form(&[("payment", "cod"), ("email", email)]),
    )
    .await;
    assert_eq!(placed.status(), 200, "{}", placed.text().await.unwrap());
    order_reference(&placed)
}

async fn advance(app: &TestApp, staff: &Client, reference: &str, steps: &[&str]) {
    for to in steps {
        let moved = call(
            staff,
            app,
            "admin/advance_order",
            &[("reference", reference), ("to", to)],
        )
        .await;
        assert_eq!(
            moved.status(),
            200,
            "to {to}: {}",
            moved.text().await.unwrap()
        );
    }
}

const TO_DELIVERED: [&str; 3] = ["packed", "ready_for_pickup", "delivered"];

async fn commission_of(app: &TestApp, reference: &str) -> Option<(i64, String)> {
    sqlx::query_as(
        "SELECT c.amount_paise, c.status FROM commissions c JOIN orders o ON o.id = c.order_id
         WHERE o.reference = $1",
    )
    .bind(reference)
    .fetch_optional(&app.pool)
    .await
    .unwrap()
}

async fn dashboard(client: &Client, app: &TestApp) -> Value {
    call(client, app, "partner_dashboard", &[])
        .await
        .json()
        .await
        .unwrap()
}

/// Every commission's holding period ends now, and the admin makes this
/// month's statements.
async fn holding_period_passes_and_statements_are_made(app: &TestApp, admin: &Client) {
    sqlx::query("UPDATE commissions SET due_at = now() - interval '1 minute'")
        .execute(&app.pool)
        .await
        .unwrap();
    let month = this_month(app).await;
    let made = call(
        admin,
        app,
        "admin/generate_statements",
        &[("month", &month)],
    )
    .await;
    assert_eq!(made.status(), 200);
}

/// The month statements are made for: the current one, in India.
async fn this_month(app: &TestApp) -> String {
    sqlx::query_scalar("SELECT to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM')")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_business_partner_is_approved_and_paid_for_an_order_it_referred() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (partner, code) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    assert_eq!(
        emails_to(&app, "kavita@clinic.in").await[0].0,
        "We received your partner application"
    );
    let admin_mail = emails_to(&app, "vikram@example.in").await;
    assert!(admin_mail
        .iter()
        .any(|(s, _)| s == "New partner application: Kavita Deshpande"));

    let reference = referred_order(&app, &code, "neha@example.in").await;
    let board = dashboard(&partner, &app).await;
    assert_eq!(board["visits"], 1);
    assert_eq!(board["orders"], 1);
    assert_eq!(board["rate"], "8 %");
    // The customer is masked: initials only.
    assert_eq!(board["referred_orders"][0]["customer"], "A*** R**");

    advance(&app, &admin, &reference, &TO_DELIVERED).await;
    // Two packs of rice at ₹689 with 5 % GST: ₹1,312.38 before GST; 8 % of it.
    let base = (2.0_f64 * 68_900.0 * 100.0 / 105.0).round();
    let expected = (base * 800.0 / 10_000.0).round() as i64;
    assert_eq!(
        commission_of(&app, &reference).await,
        Some((expected, "pending".into()))
    );
    assert_eq!(dashboard(&partner, &app).await["pending"], expected);

    // Statements take only due commissions: nothing yet.
    let month = this_month(&app).await;
    call(
        &admin,
        &app,
        "admin/generate_statements",
        &[("month", &month)],
    )
    .await;
    let payouts: Value = call(&admin, &app, "admin/payouts", &[("month", &month)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(payouts["statements"].as_array().unwrap().len(), 0);

    // The holding period passes.
    sqlx::query("UPDATE commissions SET due_at = now() - interval '1 minute'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(dashboard(&partner, &app).await["due"], expected);
    let generated = call(
        &admin,
        &app,
        "admin/generate_statements",
        &[("month", &month)],
    )
    .await;
    assert_eq!(generated.status(), 200);
    let payouts: Value = call(&admin, &app, "admin/payouts", &[("month", &month)])
        .await
        .json()
        .await
        .unwrap();
    let statement = &payouts["statements"][0];
    assert_eq!(statement["amount"], expected);
    assert_eq!(statement["upi_id"], "kavita.clinic@okicici");

    // The CSV for the bank lists it, in rupees.
    let csv = admin
        .get(format!("{}/admin/payouts.csv?month={month}", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let rupees = format!("{}.{:02}", expected / 100, expected % 100);
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.contains("Kavita Deshpande") && l.contains(&rupees)),
        "{csv}"
    );

    let id = statement["id"].to_string();
    let paid = call(
        &admin,
        &app,
        "admin/mark_payout_paid",
        &[
            ("id", &id),
            ("utr", "N123260012345678"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(paid.status(), 200, "{}", paid.text().await.unwrap());
    let board = dashboard(&partner, &app).await;
    assert_eq!(board["paid"], expected);
    assert_eq!(board["due"], 0);
    assert_eq!(board["payouts"][0]["utr"], "N123260012345678");
    assert!(emails_to(&app, "kavita@clinic.in")
        .await
        .iter()
        .any(|(s, b)| s.starts_with("Your partner payout") && b.contains("N123260012345678")));
}

/// A shop whose admin has a partner's statement to pay: `(app, admin, statement id)`.
async fn a_statement_to_pay() -> (TestApp, Client, String) {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (_, code) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    let reference = referred_order(&app, &code, "neha@example.in").await;
    advance(&app, &admin, &reference, &TO_DELIVERED).await;
    holding_period_passes_and_statements_are_made(&app, &admin).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM payouts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let id = id.to_string();
    (app, admin, id)
}

#[tokio::test]
async fn a_payout_is_never_paid_twice() {
    let (app, admin, id) = a_statement_to_pay().await;
    // Two admins press "Mark paid" at the same moment with different UTRs.
    let second_admin = signed_in_as(&app, "farah@example.in", "admin").await;
    let first = [
        ("id", id.as_str()),
        ("utr", "N123260012345678"),
        ("password", PASSWORD),
    ];
    let second = [
        ("id", id.as_str()),
        ("utr", "N999260012345678"),
        ("password", PASSWORD),
    ];
    let (a, b) = tokio::join!(
        call(&admin, &app, "admin/mark_payout_paid", &first),
        call(&second_admin, &app, "admin/mark_payout_paid", &second),
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 422]);
    // And once more later, after it was paid.
    let again = call(
        &admin,
        &app,
        "admin/mark_payout_paid",
        &[
            ("id", &id),
            ("utr", "N555260012345678"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let (fields, _) = form_errors(again).await;
    assert!(fields[0].1.contains("cannot be paid twice"), "{fields:?}");
    let (paid_payouts, emails): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM payouts WHERE status = 'paid'),
                (SELECT count(*) FROM email_outbox WHERE subject LIKE 'Your partner payout%')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((paid_payouts, emails), (1, 1));
}

#[tokio::test]
async fn a_returned_order_reverses_its_commission_and_leaves_the_statement() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (partner, code) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    let kept = referred_order(&app, &code, "neha@example.in").await;
    let returned = referred_order(&app, &code, "omkar@example.in").await;
    advance(&app, &admin, &kept, &TO_DELIVERED).await;
    advance(&app, &admin, &returned, &TO_DELIVERED).await;
    holding_period_passes_and_statements_are_made(&app, &admin).await;
    let (each, _) = commission_of(&app, &kept).await.unwrap();
    let before: i64 = sqlx::query_scalar("SELECT amount_paise FROM payouts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(before, 2 * each);

    advance(&app, &admin, &returned, &["returned"]).await;
    assert_eq!(
        commission_of(&app, &returned).await.map(|c| c.1),
        Some("reversed".into())
    );
    let after: i64 = sqlx::query_scalar("SELECT amount_paise FROM payouts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        after, each,
        "the statement no longer pays the returned order"
    );
    assert_eq!(dashboard(&partner, &app).await["due"], each);
}

#[tokio::test]
async fn a_cancelled_order_earns_nothing_and_a_paid_commission_is_not_taken_back() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (_, code) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    let cancelled = referred_order(&app, &code, "neha@example.in").await;
    advance(&app, &admin, &cancelled, &["packed", "cancelled"]).await;
    assert_eq!(commission_of(&app, &cancelled).await, None);

    let paid = referred_order(&app, &code, "omkar@example.in").await;
    advance(&app, &admin, &paid, &TO_DELIVERED).await;
    holding_period_passes_and_statements_are_made(&app, &admin).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM payouts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    call(
        &admin,
        &app,
        "admin/mark_payout_paid",
        &[
            ("id", &id.to_string()),
            ("utr", "N123260012345678"),
            ("password", PASSWORD),
        ],
    )
    .await;
    advance(&app, &admin, &paid, &["returned"]).await;
    assert_eq!(
        commission_of(&app, &paid).await.map(|c| c.1),
        Some("paid".into())
    );
}

#[tokio::test]
async fn partners_earn_nothing_on_their_own_orders_and_unknown_codes_are_ignored() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (_, code) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    // The partner orders through their own link, as a guest with their email.
    let own = referred_order(&app, &code, "kavita@clinic.in").await;
    let unknown = referred_order(&app, "NOSUCH99", "neha@example.in").await;
    let credited: Vec<(String, Option<uuid::Uuid>)> =
        sqlx::query_as("SELECT reference, partner_id FROM orders WHERE reference = ANY($1)")
            .bind(vec![own, unknown])
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(
        credited.iter().all(|(_, partner)| partner.is_none()),
        "{credited:?}"
    );
    let visits: i64 = sqlx::query_scalar("SELECT coalesce(sum(visits), 0) FROM referral_visits")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(visits, 1, "only the real code's visit counts");
}

#[tokio::test]
async fn one_partner_never_sees_anothers_orders_commissions_or_payouts() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (a, code_a) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    let (b, _) = approved_partner(&app, &admin, "suresh@chemist.in").await;
    let reference = referred_order(&app, &code_a, "neha@example.in").await;
    advance(&app, &admin, &reference, &TO_DELIVERED).await;

    let board_a = dashboard(&a, &app).await;
    let board_b = dashboard(&b, &app).await;
    assert_eq!(board_a["orders"], 1);
    assert_ne!(board_a["pending"], 0);
    assert_eq!(board_b["orders"], 0);
    assert_eq!(board_b["pending"], 0);
    assert_eq!(board_b["referred_orders"].as_array().unwrap().len(), 0);
    // B cannot reach the admin's payout, statement or application functions.
    for path in [
        "admin/payouts",
        "admin/generate_statements",
        "admin/mark_payout_paid",
        "admin/approve_application",
        "admin/partner_applications",
    ] {
        let status = call(
            &b,
            &app,
            path,
            &[
                ("id", "1"),
                ("month", "2026-11"),
                ("utr", "N123260012345678"),
            ],
        )
        .await
        .status();
        assert_eq!(status, 403, "{path}");
    }
    let csv = b
        .get(format!("{}/admin/payouts.csv", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 403);
}

#[tokio::test]
async fn a_bad_application_is_refused_field_by_field_keeping_what_was_typed() {
    let app = spawn_app().await;
    let visitor = browser();
    let refused = call(
        &visitor,
        &app,
        "apply_as_partner",
        &business_application(
            "kavita@clinic.in",
            &[
                ("mobile", "12345"),
                ("pan", "ABCDE1234"),
                ("upi_id", "kavita"),
                ("gstin", "27AAPFU0939F1ZX"),
            ],
        ),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let (fields, values) = form_errors(refused).await;
    let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, ["mobile", "pan", "upi_id", "gstin"]);
    assert!(values.contains(&("gstin".into(), "27AAPFU0939F1ZX".into())));
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM partner_applications")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);

    // One open application per email.
    let first = call(
        &visitor,
        &app,
        "apply_as_partner",
        &business_application("kavita@clinic.in", &[]),
    )
    .await;
    assert_eq!(first.status(), 200);
    let second = call(
        &visitor,
        &app,
        "apply_as_partner",
        &business_application("kavita@clinic.in", &[]),
    )
    .await;
    let (fields, _) = form_errors(second).await;
    assert_eq!(fields[0].0, "email");
}

#[tokio::test]
async fn a_rejected_applicant_is_emailed_the_reason() {
    let app = spawn_app().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    call(
        &browser(),
        &app,
        "apply_as_partner",
        &business_application("kavita@clinic.in", &[]),
    )
    .await;
    let id = application_id(&app, "kavita@clinic.in").await;
    let blank = call(
        &admin,
        &app,
        "admin/reject_application",
        &[("id", &id), ("reason", " ")],
    )
    .await;
    assert_eq!(blank.status(), 422);
    let rejected = call(
        &admin,
        &app,
        "admin/reject_application",
        &[
            ("id", &id),
            ("reason", "We only work with clinics in Pune city for now."),
        ],
    )
    .await;
    assert_eq!(rejected.status(), 200);
    let mail = emails_to(&app, "kavita@clinic.in").await;
    assert!(mail
        .iter()
        .any(|(s, b)| s == "Your partner application" && b.contains("clinics in Pune city")));
    // Decided: approving it now is refused, and no account was made.
    let approve = call(&admin, &app, "admin/approve_application", &[("id", &id)]).await;
    assert_eq!(approve.status(), 422);
    let accounts: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email = 'kavita@clinic.in'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(accounts, 0);
}

async fn upload(
    client: &Client,
    app: &TestApp,
    kind: &str,
    name: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("kind", kind.to_string())
        .part(
            "document",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
    client
        .post(format!("{}/api/upload_partner_document", app.url))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn kyc_documents_open_only_for_their_partner_and_admins() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (a, _) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    let (b, _) = approved_partner(&app, &admin, "suresh@chemist.in").await;
    let pdf = b"%PDF-1.4 PAN card scan";
    let uploaded = upload(&a, &app, "pan", "C:\\scans\\pan card.pdf", pdf).await;
    assert_eq!(uploaded.status(), 200, "{}", uploaded.text().await.unwrap());
    let board = dashboard(&a, &app).await;
    let document = &board["documents"][0];
    assert_eq!(document["file_name"], "pan_card.pdf");
    let path = format!("{}/documents/{}", app.url, document["id"].as_str().unwrap());

    let own = a.get(&path).send().await.unwrap();
    assert_eq!(own.status(), 200);
    assert_eq!(own.headers()["content-type"], "application/pdf");
    assert_eq!(own.bytes().await.unwrap().as_ref(), pdf);
    assert_eq!(admin.get(&path).send().await.unwrap().status(), 200);
    assert_eq!(b.get(&path).send().await.unwrap().status(), 404);
    assert_eq!(browser().get(&path).send().await.unwrap().status(), 401);
    assert_eq!(
        dashboard(&b, &app).await["documents"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    // Only PDF, JPEG and PNG, whatever the name says.
    let html = upload(
        &a,
        &app,
        "pan",
        "pan.pdf",
        b"<html><script>alert(1)</script>",
    )
    .await;
    let (fields, _) = form_errors(html).await;
    assert_eq!(
        fields,
        [(
            "document".to_string(),
            "Upload a PDF, JPEG or PNG file.".to_string()
        )]
    );
    // Customers cannot upload at all.
    let customer = signed_in_as(&app, "asha@example.in", "customer").await;
    assert_eq!(
        upload(&customer, &app, "pan", "x.pdf", pdf).await.status(),
        403
    );
}

#[tokio::test]
async fn the_programme_pages_are_public_and_listed_in_the_sitemap_at_their_addresses() {
    let app = spawn_app().await;
    let visitor = browser();
    for (path, heading) in [
        ("/partners", "Partner programme"),
        ("/partners/ipp", "Individual partners"),
        ("/partners/bpp", "Business partners"),
        ("/partners/faq", "Partner FAQ"),
    ] {
        let page = visitor
            .get(format!("{}{path}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "{path}");
        let html = page.text().await.unwrap();
        assert!(html.contains(heading), "{path}");
        assert!(
            html.contains(&format!(
                r#"<link href="{}{path}" rel="canonical">"#,
                app.url
            )),
            "{path} names itself as canonical"
        );
        assert!(
            html.contains("/partners/apply?kind="),
            "{path} has an Apply link"
        );
    }
    let sitemap = visitor
        .get(format!("{}/sitemap.xml", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(sitemap.contains("/partners/bpp</loc>"), "{sitemap}");
    assert!(!sitemap.contains("/partners-bpp"), "{sitemap}");
}

#[tokio::test]
async fn a_partner_keeps_at_most_twenty_documents() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let (partner, _) = approved_partner(&app, &admin, "kavita@clinic.in").await;
    sqlx::query(
        "INSERT INTO partner_documents (partner_id, kind, file_name, content_type, bytes)
         SELECT u.id, 'pan', 'scan.pdf', 'application/pdf', '\\x255044462d'::bytea
         FROM users u, generate_series(1, 20) WHERE u.email = 'kavita@clinic.in'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let refused = upload(&partner, &app, "pan", "one-more.pdf", b"%PDF-1.4 more").await;
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.unwrap();
    assert!(
        body.contains(haat::api::partner_documents::TOO_MANY_DOCUMENTS),
        "{body}"
    );
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM partner_documents")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 20);
}

#[tokio::test]
async fn paying_a_partner_asks_for_the_admins_password_again() {
    let (app, admin, id) = a_statement_to_pay().await;
    for password in ["", "not my password"] {
        let refused = call(
            &admin,
            &app,
            "admin/mark_payout_paid",
            &[
                ("id", &id),
                ("utr", "N123260012345678"),
                ("password", password),
            ],
        )
        .await;
        let (fields, values) = form_errors(refused).await;
        assert_eq!(
            fields,
            vec![(
                format!("password-{id}"),
                haat::server::auth::reauth::PASSWORD_NOT_CONFIRMED.to_string()
            )]
        );
        assert!(
            values.iter().any(|(_, v)| v == "N123260012345678"),
            "the UTR is kept"
        );
        assert!(values
            .iter()
            .all(|(_, v)| v != password || password.is_empty()));
    }
    let status: String = sqlx::query_scalar("SELECT status FROM payouts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "statement");
}
