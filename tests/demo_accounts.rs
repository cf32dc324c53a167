//! Every demo login opens a working home page: the accounts `scripts/run`
//! prints are whole (the partner has a partner record, the staff member a
//! sub-role), so a new user trying each role meets no error.

mod common;

use common::*;
use haat::server::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD};

#[tokio::test]
async fn each_demo_account_logs_in_and_opens_its_home_page() {
    let app = spawn_shop().await;
    for (email, _, role) in DEMO_ACCOUNTS {
        let client = browser();
        let login = log_in(&client, &app, email, DEMO_PASSWORD).await;
        assert!(login.status().is_success(), "{email}: {}", login.status());
        let home = match role.as_str() {
            "customer" => "/account",
            "admin" => "/admin",
            _ => "/dashboard",
        };
        let page = client
            .get(format!("{}{home}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "{email} on {home}");
        let html = page.text().await.unwrap();
        assert!(!html.contains("Something went wrong"), "{email} on {home}");
        if role.as_str() == "partner" {
            assert!(
                html.contains("?ref=RAVI2026"),
                "the partner's referral link"
            );
        }
    }
}

#[tokio::test]
async fn the_demo_partner_can_submit_a_lead() {
    let app = spawn_shop().await;
    let partner = browser();
    log_in(&partner, &app, "partner@demo.haat.local", DEMO_PASSWORD).await;
    let created = call(
        &partner,
        &app,
        "crm/create_lead",
        &[
            ("name", "Neha Kulkarni"),
            ("mobile", "98220 11111"),
            ("email", ""),
            ("company", "Kulkarni Clinic"),
            ("city", "Pune"),
            ("interest", "Monthly supplies"),
            ("estimated_value", ""),
        ],
    )
    .await;
    assert_eq!(created.status(), 200, "{}", created.text().await.unwrap());
}

#[tokio::test]
async fn loading_the_demo_twice_changes_nothing() {
    let app = spawn_shop().await;
    haat::server::demo::load(&app.pool)
        .await
        .expect("demo data again");
    let partners: i64 = sqlx::query_scalar("SELECT count(*) FROM partners")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(partners, 1);
}
