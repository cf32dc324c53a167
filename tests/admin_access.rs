//! Every admin server function refuses customers, partners and visitors.
//! The list is not written here: it is every server function registered
//! under `/api/admin/`, checked against the `endpoint = "admin/…"` names in
//! `src/api/admin/`, so a new admin function cannot be forgotten.

mod common;

use common::{browser, signed_in_as, spawn_shop, TestApp};
use reqwest::{multipart, Client, Response};

/// One value for every argument any admin function takes, valid in type
/// (numbers where ids are numbers), so the arguments parse and the role
/// check is what decides.
const ARGUMENTS: [&str; 74] = [
    "q",
    "category",
    "status",
    "low",
    "id",
    "name",
    "slug",
    "sku",
    "brand",
    "category_id",
    "unit",
    "description",
    "price",
    "mrp",
    "gst_rate",
    "hsn",
    "low_stock_threshold",
    "opening_stock",
    "featured",
    "active",
    "text",
    "image_id",
    "action",
    "alt",
    "product_id",
    "quantity",
    "reason",
    "note",
    "payment",
    "from",
    "to",
    "reference",
    "title",
    "body",
    "seo_title",
    "seo_description",
    "published",
    "revision_id",
    "menu",
    "label",
    "href",
    "hero_title",
    "hero_text",
    "business_name",
    "address",
    "state",
    "gstin",
    "upi_id",
    "upi_payee_name",
    "contact_phone",
    "contact_email",
    "upi_expiry_minutes",
    "role",
    "disabled",
    "position",
    "month",
    "utr",
    "user_id",
    "rate",
    "ipp_rate",
    "bpp_rate",
    "hold_days",
    "won_lead_reward",
    "max_unpaid_orders",
    "pickup_expiry_hours",
    "utr_expiry_hours",
    "key_id",
    "amount",
    "password",
    "supplier",
    "invoice_number",
    "invoice_date",
    "batch_id",
    "near_expiry_days",
];

fn admin_paths() -> Vec<String> {
    let mut paths: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_string())
        .filter(|path| path.starts_with("/api/admin/"))
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// The `endpoint = "admin/…"` names written in the admin API's source.
fn endpoints_in_source() -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("src/api/admin").expect("src/api/admin") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("source");
        for part in text.split("endpoint = \"admin/").skip(1) {
            found.push(format!(
                "/api/admin/{}",
                part.split('"').next().unwrap_or_default()
            ));
        }
    }
    found.sort();
    found
}

async fn call(client: &Client, app: &TestApp, path: &str) -> Response {
    let url = format!("{}{path}", app.url);
    let request = client.post(url).header("accept", "application/json");
    if path.contains("upload") {
        let mut form = multipart::Form::new();
        for name in ARGUMENTS {
            form = form.text(name, "1");
        }
        let image = multipart::Part::bytes(b"not really an image".to_vec()).file_name("x.png");
        request.multipart(form.part("image", image))
    } else {
        request.form(&ARGUMENTS.iter().map(|n| (*n, "1")).collect::<Vec<_>>())
    }
    .send()
    .await
    .expect("request")
}

#[tokio::test]
async fn every_admin_function_is_registered_and_found_in_the_source() {
    let registered = admin_paths();
    assert_eq!(registered, endpoints_in_source());
    assert!(registered.len() >= 25, "{registered:?}");
}

#[tokio::test]
async fn every_admin_function_refuses_visitors_customers_and_partners() {
    let app = spawn_shop().await;
    let visitor = browser();
    let customer = signed_in_as(&app, "asha@example.in", "customer").await;
    let partner = signed_in_as(&app, "ravi@example.in", "partner").await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    for path in admin_paths() {
        // Signed out: "please sign in" (401), which the pages turn into the login form.
        assert_eq!(
            call(&visitor, &app, &path).await.status(),
            401,
            "{path} as a visitor"
        );
        assert_eq!(
            call(&customer, &app, &path).await.status(),
            403,
            "{path} as a customer"
        );
        assert_eq!(
            call(&partner, &app, &path).await.status(),
            403,
            "{path} as a partner"
        );
        // The same request from an admin gets past the check, so it was the role
        // that refused the others, not a malformed request.
        let status = call(&admin, &app, &path).await.status();
        assert!(
            ![401, 403].contains(&status.as_u16()),
            "{path} as an admin: {status}"
        );
    }
}

#[tokio::test]
async fn staff_run_orders_and_stock_but_not_the_rest_of_the_admin() {
    let app = spawn_shop().await;
    let staff = signed_in_as(&app, "meena@example.in", "staff").await;
    for path in [
        "/api/admin/orders",
        "/api/admin/products",
        "/api/admin/adjust_stock",
        "/api/admin/advance_order",
    ] {
        let status = call(&staff, &app, path).await.status();
        assert!(![401, 403].contains(&status.as_u16()), "{path}: {status}");
    }
    for path in [
        "/api/admin/save_product",
        "/api/admin/save_settings",
        "/api/admin/update_user",
        "/api/admin/audit_log",
        "/api/admin/save_page",
    ] {
        assert_eq!(call(&staff, &app, path).await.status(), 403, "{path}");
    }
}
