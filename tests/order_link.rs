//! The order's link: a guest's confirmation email opens the order on any
//! device (to pay by UPI from a phone), and the reply to placing an order
//! leads to it even when the session cannot be saved.

mod common;

use common::*;

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

/// The order page's link in the confirmation email queued for the order.
async fn emailed_link(app: &TestApp, reference: &str) -> String {
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM email_outbox WHERE subject LIKE '%' || $1 || '%'",
    )
    .bind(reference)
    .fetch_one(&app.pool)
    .await
    .expect("a confirmation email");
    let start = body
        .find(&format!("/orders/{reference}?key="))
        .expect("a link with a key");
    let end = body[start..]
        .find(char::is_whitespace)
        .map_or(body.len(), |n| start + n);
    body[start..end].to_string()
}

#[tokio::test]
async fn the_emailed_link_opens_the_order_and_takes_the_utr_from_another_device() {
    let app = spawn_shop().await;
    let laptop = guest_with_cart(&app, "STP-001", "1").await;
    let placed = place_order(&laptop, &app, &checkout_form(&[])).await;
    assert_eq!(placed.status(), 200);
    let reference = order_reference(&placed);
    let link = emailed_link(&app, &reference).await;
    assert_eq!(location(&placed), link, "the reply leads to the same link");

    let phone = browser();
    let page = phone
        .get(format!("{}{link}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"data-testid="upi-link""#),
        "the UPI link is there"
    );
    assert!(html.contains(r#"data-testid="keep-the-link""#));

    let key = link.split("key=").nth(1).unwrap();
    let reported = call(
        &phone,
        &app,
        "submit_utr",
        &[
            ("reference", &reference),
            ("utr", "412345678901"),
            ("key", key),
        ],
    )
    .await;
    assert_eq!(reported.status(), 200, "{}", reported.text().await.unwrap());
    let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "payment_submitted");
}

#[tokio::test]
async fn without_the_key_or_with_a_wrong_one_another_device_finds_nothing() {
    let app = spawn_shop().await;
    let laptop = guest_with_cart(&app, "STP-001", "1").await;
    let placed = place_order(&laptop, &app, &checkout_form(&[])).await;
    let reference = order_reference(&placed);
    let key = location(&placed).split("key=").nth(1).unwrap().to_string();
    let wrong = format!(
        "{}{}",
        &key[..31],
        if key.ends_with('0') { '1' } else { '0' }
    );
    let stranger = browser();
    for path in [
        format!("/orders/{reference}"),
        format!("/orders/{reference}?key={wrong}"),
        format!("/orders/{reference}?key="),
    ] {
        let page = stranger
            .get(format!("{}{path}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 404, "{path}");
    }
    let reported = call(
        &stranger,
        &app,
        "submit_utr",
        &[
            ("reference", &reference),
            ("utr", "412345678901"),
            ("key", &wrong),
        ],
    )
    .await;
    assert_eq!(reported.status(), 404);
}

#[tokio::test]
async fn an_order_placed_while_the_session_cannot_be_saved_still_leads_to_it() {
    let app = spawn_shop().await;
    let guest = guest_with_cart(&app, "STP-001", "1").await;
    // From now on every session write fails, as during a database restart
    // after the order's commit; reads still work.
    for statement in [
        "CREATE FUNCTION refuse_session_writes() RETURNS trigger LANGUAGE plpgsql AS
           $$ BEGIN RAISE EXCEPTION 'sessions are read-only for this test'; END $$",
        "CREATE TRIGGER refuse_session_writes BEFORE INSERT OR UPDATE ON tower_sessions.session
           FOR EACH ROW EXECUTE FUNCTION refuse_session_writes()",
    ] {
        sqlx::query(statement).execute(&app.pool).await.unwrap();
    }
    let placed = place_order(&guest, &app, &checkout_form(&[])).await;
    assert_eq!(
        placed.status(),
        200,
        "{}",
        placed.text().await.unwrap_or_default()
    );
    let link = location(&placed);
    let reference = order_reference(&placed);
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(orders, 1);
    let page = guest
        .get(format!("{}{link}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains(&reference));
}
