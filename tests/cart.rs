//! The cart over HTTP: guests and customers, stock limits, bad quantities,
//! and a guest cart kept through signing in.

mod common;

use common::*;
use haat::api::cart::{PRODUCT_UNAVAILABLE, QUANTITY_INVALID};
use serde_json::Value;

async fn add(
    client: &reqwest::Client,
    app: &TestApp,
    product: &str,
    quantity: &str,
) -> reqwest::Response {
    call(
        client,
        app,
        "add_to_cart",
        &[("product_id", product), ("quantity", quantity)],
    )
    .await
}

async fn cart(client: &reqwest::Client, app: &TestApp) -> Value {
    call(client, app, "load_cart", &[])
        .await
        .json()
        .await
        .unwrap()
}

fn lines(cart: &Value) -> Vec<(String, i64)> {
    cart["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["product"]["name"].as_str().unwrap().to_string(),
                l["quantity"].as_i64().unwrap(),
            )
        })
        .collect()
}

async fn quantity_error(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    body["Invalid"]["fields"][0][1]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn a_guest_adds_products_and_the_server_prices_them() {
    let app = spawn_shop().await;
    let guest = browser();
    let rice = product(&app, "STP-001").await.0;
    let atta = product(&app, "STP-003").await.0;
    assert_eq!(add(&guest, &app, &rice, "2").await.status(), 200);
    // A price sent along with the form is not read.
    let tampered = call(
        &guest,
        &app,
        "add_to_cart",
        &[
            ("product_id", &atta),
            ("quantity", "1"),
            ("price_paise", "1"),
        ],
    )
    .await;
    assert_eq!(tampered.status(), 200);
    let cart = cart(&guest, &app).await;
    assert_eq!(
        lines(&cart),
        [
            ("Basmati Rice".to_string(), 2),
            ("Whole Wheat Atta".to_string(), 1)
        ]
    );
    let total: i64 = cart["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["product"]["price"].as_i64().unwrap() * l["quantity"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 2 * 68_900 + 26_200);
    // Another visitor has an empty cart.
    assert!(lines(&fresh_visitors_cart(&app).await).is_empty());
}

async fn fresh_visitors_cart(app: &TestApp) -> Value {
    cart(&browser(), app).await
}

#[tokio::test]
async fn more_than_is_in_stock_is_refused_with_how_many_there_are() {
    let app = spawn_shop().await;
    let guest = browser();
    let chana = product(&app, "STP-006").await.0; // 3 in stock
    assert_eq!(
        quantity_error(add(&guest, &app, &chana, "4").await).await,
        "Only 3 in stock."
    );
    assert_eq!(add(&guest, &app, &chana, "2").await.status(), 200);
    assert_eq!(
        quantity_error(add(&guest, &app, &chana, "2").await).await,
        "Only 3 in stock, and 2 already in your cart."
    );
    let oil = product(&app, "STP-009").await.0; // out of stock
    assert_eq!(
        quantity_error(add(&guest, &app, &oil, "1").await).await,
        "Sorry, this is out of stock."
    );
    let update = call(
        &guest,
        &app,
        "update_cart_line",
        &[("product_id", &chana), ("quantity", "5")],
    )
    .await;
    assert_eq!(quantity_error(update).await, "Only 3 in stock.");
    assert_eq!(
        lines(&cart(&guest, &app).await),
        [("Chana Dal".to_string(), 2)]
    );
}

#[tokio::test]
async fn bad_quantities_and_unknown_products_are_refused() {
    let app = spawn_shop().await;
    let guest = browser();
    let rice = product(&app, "STP-001").await.0;
    for quantity in ["0", "-1", "abc", "1000000", "2.5", ""] {
        assert_eq!(
            quantity_error(add(&guest, &app, &rice, quantity).await).await,
            QUANTITY_INVALID,
            "{quantity:?}"
        );
    }
    let unknown = add(&guest, &app, "999999", "1").await;
    assert_eq!(unknown.status(), 422);
    let body: Value = unknown.json().await.unwrap();
    assert_eq!(body["Invalid"]["message"], PRODUCT_UNAVAILABLE);
    assert!(lines(&cart(&guest, &app).await).is_empty());
}

#[tokio::test]
async fn a_guest_cart_is_kept_when_signing_in_and_joins_the_accounts_cart() {
    let app = spawn_shop().await;
    let rice = product(&app, "STP-001").await.0;
    let atta = product(&app, "STP-003").await.0;
    // The customer left rice in their cart on another device.
    let phone = browser();
    sign_up(&phone, &app, "asha@example.in").await;
    add(&phone, &app, &rice, "1").await;

    let laptop = browser();
    add(&laptop, &app, &atta, "2").await;
    add(&laptop, &app, &rice, "1").await;
    assert_eq!(
        log_in(&laptop, &app, "asha@example.in", PASSWORD)
            .await
            .status(),
        200
    );
    let merged = lines(&cart(&laptop, &app).await);
    assert_eq!(
        merged,
        [
            ("Basmati Rice".to_string(), 2),
            ("Whole Wheat Atta".to_string(), 2)
        ]
    );
    assert_eq!(
        lines(&cart(&phone, &app).await),
        merged,
        "one cart per account"
    );
    let carts: i64 = sqlx::query_scalar("SELECT count(*) FROM carts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(carts, 1, "the guest cart is gone once merged");
}

#[tokio::test]
async fn removing_a_line_empties_it_from_the_cart() {
    let app = spawn_shop().await;
    let guest = browser();
    let rice = product(&app, "STP-001").await.0;
    add(&guest, &app, &rice, "1").await;
    call(&guest, &app, "remove_from_cart", &[("product_id", &rice)]).await;
    assert!(lines(&cart(&guest, &app).await).is_empty());
}
