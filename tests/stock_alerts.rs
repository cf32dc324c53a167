//! Back in stock: a request is kept once, and each subscriber gets exactly one email.

mod common;

use common::*;
use haat::server::{back_in_stock::send_due, config::Config};

fn config() -> Config {
    Config::from_lookup(|name| (name == "DATABASE_URL").then(|| "postgres://unused".to_string()))
        .unwrap()
}

async fn back_in_stock_emails(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT to_address FROM email_outbox WHERE subject LIKE '% is back in stock' ORDER BY to_address")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn each_subscriber_gets_one_email_when_stock_returns() {
    let app = spawn_shop().await;
    let oil: i32 = sqlx::query_scalar("SELECT id FROM products WHERE sku = 'STP-009'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let oil = oil.to_string();
    for email in ["asha@example.in", "ASHA@example.in", "ravi@example.in"] {
        let response = call(
            &browser(),
            &app,
            "notify_me",
            &[("product_id", &oil), ("email", email)],
        )
        .await;
        assert_eq!(response.status(), 200, "{email}");
    }
    let bad = call(
        &browser(),
        &app,
        "notify_me",
        &[("product_id", &oil), ("email", "asha@")],
    )
    .await;
    assert_eq!(bad.status(), 422);

    // Still out of stock: nothing is sent.
    assert_eq!(send_due(&app.pool, &config()).await.unwrap(), 0);
    sqlx::query("UPDATE products SET stock = 12 WHERE sku = 'STP-009'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(send_due(&app.pool, &config()).await.unwrap(), 2);
    assert_eq!(
        back_in_stock_emails(&app).await,
        ["asha@example.in", "ravi@example.in"]
    );
    // Sold out and back again: no second email for the same request.
    sqlx::query("UPDATE products SET stock = 0 WHERE sku = 'STP-009'")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE products SET stock = 3 WHERE sku = 'STP-009'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(send_due(&app.pool, &config()).await.unwrap(), 0);
    assert_eq!(back_in_stock_emails(&app).await.len(), 2);
}

#[tokio::test]
async fn a_signed_in_customer_may_leave_the_email_empty() {
    let app = spawn_shop().await;
    let client = browser();
    sign_up(&client, &app, "asha@example.in").await;
    let oil: i32 = sqlx::query_scalar("SELECT id FROM products WHERE sku = 'STP-009'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let response = call(
        &client,
        &app,
        "notify_me",
        &[("product_id", &oil.to_string()), ("email", "")],
    )
    .await;
    assert_eq!(response.status(), 200);
    let email: String = sqlx::query_scalar("SELECT email FROM stock_alerts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(email, "asha@example.in");
}
