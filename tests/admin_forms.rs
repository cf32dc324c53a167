//! Bad input in each admin form is refused with a message beside the field
//! and everything else the admin typed kept; nothing is saved.

mod common;

use common::{
    browser, form_errors, sign_up, signed_in_as, spawn_app, spawn_shop, TestApp, PASSWORD,
};
use reqwest::{multipart, Client};

fn product_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("id", ""),
        ("name", "Kolam Rice 5 kg"),
        ("slug", ""),
        ("sku", "STP-900"),
        ("brand", "Farmers' Pride"),
        ("category_id", "1"),
        ("unit", "5 kg"),
        ("description", "Aged **kolam** rice."),
        ("price", "450"),
        ("mrp", "520"),
        ("gst_rate", "5"),
        ("hsn", "1006"),
        ("low_stock_threshold", ""),
        ("opening_stock", "12"),
        ("active", "on"),
    ];
    for (name, value) in changes {
        match form.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

async fn post(
    client: &Client,
    app: &TestApp,
    name: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    common::call(client, app, name, form).await
}

fn message<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(f, _)| f == name)
        .map(|(_, m)| m.as_str())
}

fn value<'a>(values: &'a [(String, String)], name: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(f, _)| f == name)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn an_empty_name_and_a_negative_price_are_refused_beside_their_fields() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let response = post(
        &admin,
        &app,
        "admin/save_product",
        &product_form(&[("name", "  "), ("price", "-20")]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let (fields, values) = form_errors(response).await;
    assert_eq!(message(&fields, "name"), Some("Enter the product's name."));
    assert_eq!(
        message(&fields, "price"),
        Some("The amount must be more than zero.")
    );
    // Everything else the admin typed comes back.
    assert_eq!(value(&values, "brand"), Some("Farmers' Pride"));
    assert_eq!(value(&values, "description"), Some("Aged **kolam** rice."));
    assert_eq!(value(&values, "price"), Some("-20"));
    let saved: i64 = sqlx::query_scalar("SELECT count(*) FROM products WHERE sku = 'STP-900'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(saved, 0);
}

#[tokio::test]
async fn an_mrp_below_the_price_a_bad_hsn_and_a_taken_sku_are_refused() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let response = post(
        &admin,
        &app,
        "admin/save_product",
        &product_form(&[("mrp", "400"), ("hsn", "10")]),
    )
    .await;
    let (fields, _) = form_errors(response).await;
    assert_eq!(
        message(&fields, "mrp"),
        Some("The MRP cannot be below the selling price.")
    );
    assert_eq!(
        message(&fields, "hsn"),
        Some("Enter the HSN code: 4 to 8 digits.")
    );
    let response = post(
        &admin,
        &app,
        "admin/save_product",
        &product_form(&[("sku", "STP-001")]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let (fields, _) = form_errors(response).await;
    assert_eq!(
        message(&fields, "sku"),
        Some("Another product already has this SKU.")
    );
}

#[tokio::test]
async fn a_gstin_with_a_wrong_check_character_is_refused_and_the_settings_kept() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let form = [
        ("business_name", "Sharma General Store"),
        ("address", "12 MG Road, Pune"),
        ("state", "Maharashtra"),
        ("gstin", "27AAPFU0939F1ZX"),
        ("upi_id", "sharma@okaxis"),
        ("upi_payee_name", "Sharma General Store"),
        ("contact_phone", "98765 43210"),
        ("contact_email", "hello@sharma.in"),
        ("upi_expiry_minutes", "30"),
        ("low_stock_threshold", "5"),
        ("max_unpaid_orders", "0"),
        ("pickup_expiry_hours", "72"),
        ("utr_expiry_hours", "48"),
    ];
    let response = post(&admin, &app, "admin/save_settings", &form).await;
    assert_eq!(response.status(), 422);
    let (fields, values) = form_errors(response).await;
    assert!(message(&fields, "gstin")
        .unwrap()
        .contains("does not match the rest"));
    assert_eq!(
        value(&values, "business_name"),
        Some("Sharma General Store")
    );
    let mut fixed = form;
    fixed[3].1 = "27AAPFU0939F1ZV";
    fixed[4].1 = "sharma at okaxis";
    let (fields, _) = form_errors(post(&admin, &app, "admin/save_settings", &fixed).await).await;
    assert!(message(&fields, "upi_id")
        .unwrap()
        .starts_with("Enter a UPI ID like"));
    assert_eq!(message(&fields, "gstin"), None);
    assert_eq!(
        message(&fields, "max_unpaid_orders"),
        Some("Enter a number of orders between 1 and 100.")
    );
    fixed[4].1 = "sharma@okaxis";
    fixed[10].1 = "2";
    assert_eq!(
        post(&admin, &app, "admin/save_settings", &fixed)
            .await
            .status(),
        200
    );
    let name: String = sqlx::query_scalar("SELECT business_name FROM settings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Sharma General Store");
}

async fn upload(
    admin: &Client,
    app: &TestApp,
    alt: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = multipart::Form::new()
        .text("product_id", "1")
        .text("alt", alt.to_string())
        .part(
            "image",
            multipart::Part::bytes(bytes).file_name(file_name.to_string()),
        );
    admin
        .post(format!("{}/api/admin/upload_product_image", app.url))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
        width,
        height,
        image::Rgb([20, 120, 90]),
    ))
    .write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .unwrap();
    bytes
}

#[tokio::test]
async fn a_huge_image_or_a_text_file_is_refused_and_the_alt_text_kept() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let mut huge = png(100, 100);
    huge.resize(6 * 1024 * 1024, 0);
    let (fields, values) =
        form_errors(upload(&admin, &app, "Front of the pack", "big.png", huge).await).await;
    assert_eq!(
        message(&fields, "image"),
        Some("The image is larger than 5 MB; please upload a smaller one.")
    );
    assert_eq!(value(&values, "alt"), Some("Front of the pack"));
    let (fields, values) = form_errors(
        upload(
            &admin,
            &app,
            "Back label",
            "notes.png",
            b"just some text".to_vec(),
        )
        .await,
    )
    .await;
    assert_eq!(
        message(&fields, "image"),
        Some("Upload a JPEG, PNG or WebP image.")
    );
    assert_eq!(value(&values, "alt"), Some("Back label"));
    let (fields, _) = form_errors(upload(&admin, &app, " ", "ok.png", png(50, 50)).await).await;
    assert!(message(&fields, "alt")
        .unwrap()
        .starts_with("Describe the photo"));
    let images: i64 = sqlx::query_scalar("SELECT count(*) FROM images")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(images, 0);
}

#[tokio::test]
async fn a_menu_link_to_another_site_over_http_or_a_script_is_refused() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    for href in [
        "http://example.com",
        "javascript:alert(1)",
        "//evil.example",
    ] {
        let response = post(
            &admin,
            &app,
            "admin/add_menu_link",
            &[("menu", "footer"), ("label", "Bad"), ("href", href)],
        )
        .await;
        let (fields, values) = form_errors(response).await;
        assert!(message(&fields, "href").is_some(), "{href}");
        assert_eq!(value(&values, "label"), Some("Bad"));
    }
}

#[tokio::test]
async fn an_upload_with_endless_fields_or_an_endless_body_is_refused_whole() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let send = |form: multipart::Form| {
        admin
            .post(format!("{}/api/admin/upload_product_image", app.url))
            .header("accept", "application/json")
            .multipart(form)
            .send()
    };
    let mut many = multipart::Form::new().text("product_id", "1");
    for i in 0..50 {
        many = many.text(format!("extra{i}"), "x");
    }
    assert_eq!(send(many).await.unwrap().status(), 413);

    // Two files' worth: the second has no field to go to, and the body is over the cap.
    let mut big = png(10, 10);
    big.resize(6 * 1024 * 1024, 0);
    let two = multipart::Form::new()
        .text("product_id", "1")
        .text("alt", "Front")
        .part(
            "image",
            multipart::Part::bytes(big.clone()).file_name("a.png"),
        )
        .part("other", multipart::Part::bytes(big).file_name("b.png"));
    assert_eq!(send(two).await.unwrap().status(), 413);

    // A text field of a megabyte is cut short and refused beside the field.
    let long_alt = "a".repeat(1024 * 1024);
    let (fields, _) =
        form_errors(upload(&admin, &app, &long_alt, "ok.png", png(50, 50)).await).await;
    assert_eq!(
        message(&fields, "alt"),
        Some("Keep the description under 200 characters.")
    );
    let images: i64 = sqlx::query_scalar("SELECT count(*) FROM images")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(images, 0);
}

#[tokio::test]
async fn changing_a_role_asks_for_the_admins_password_again() {
    let app = spawn_app().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    sign_up(&browser(), &app, "ravi@example.in").await;
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM users WHERE email = 'ravi@example.in'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let id = id.to_string();
    let change = |password: &'static str| {
        let id = id.clone();
        let admin = admin.clone();
        let app_url = app.url.clone();
        async move {
            admin
                .post(format!("{app_url}/api/admin/update_user"))
                .header("accept", "application/json")
                .form(&[
                    ("id", id.as_str()),
                    ("role", "admin"),
                    ("disabled", "no"),
                    ("staff_role", ""),
                    ("password", password),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let (fields, _) = form_errors(change("a wrong guess").await).await;
    assert_eq!(
        message(&fields, &format!("password-{id}")),
        Some(haat::server::auth::reauth::PASSWORD_NOT_CONFIRMED)
    );
    let role = || {
        sqlx::query_scalar::<_, String>("SELECT role FROM users WHERE email = 'ravi@example.in'")
            .fetch_one(&app.pool)
    };
    assert_eq!(role().await.unwrap(), "customer");
    assert_eq!(change(PASSWORD).await.status(), 200);
    assert_eq!(role().await.unwrap(), "admin");
}

#[tokio::test]
async fn an_endless_brand_or_unit_is_refused_beside_its_field() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let endless: &'static str = "Pride ".repeat(1_000).leak();
    let (fields, values) = form_errors(
        post(
            &admin,
            &app,
            "admin/save_product",
            &product_form(&[("brand", endless), ("unit", endless)]),
        )
        .await,
    )
    .await;
    assert_eq!(
        message(&fields, "brand"),
        Some("Keep the brand under 80 characters.")
    );
    assert!(message(&fields, "unit").is_some_and(|m| m.starts_with("Keep the unit under 40")));
    assert_eq!(
        value(&values, "name"),
        Some("Kolam Rice 5 kg"),
        "the rest is kept"
    );
    let saved: i64 = sqlx::query_scalar("SELECT count(*) FROM products WHERE sku = 'STP-900'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(saved, 0);
}
