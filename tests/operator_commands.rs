//! The binary's commands an operator runs on a live shop: `create-admin`
//! makes the first admin without demo data, and `demo-data` refuses to add
//! accounts with a published password to a production shop.

mod common;

use std::process::{Command, Output};

fn haat(database_url: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_haat"));
    command
        .args(args)
        .env("DATABASE_URL", database_url)
        .env_remove("LEPTOS_ENV");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run haat")
}

async fn accounts(database_url: &str) -> Vec<(String, String)> {
    let pool = sqlx::PgPool::connect(database_url).await.unwrap();
    sqlx::query_as("SELECT email, role FROM users ORDER BY email")
        .fetch_all(&pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn create_admin_makes_an_admin_from_the_environment() {
    let db = common::fresh_database().await;
    let made = haat(
        &db,
        &["create-admin"],
        &[
            ("HAAT_ADMIN_EMAIL", "Owner@Shop.example"),
            ("HAAT_ADMIN_NAME", "Lakshmi Iyer"),
            ("HAAT_ADMIN_PASSWORD", "saffron kettle monsoon 7"),
        ],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert_eq!(
        accounts(&db).await,
        [("owner@shop.example".into(), "admin".into())]
    );

    // A weak password is refused and changes nothing.
    let weak = haat(
        &db,
        &["create-admin"],
        &[
            ("HAAT_ADMIN_EMAIL", "second@shop.example"),
            ("HAAT_ADMIN_NAME", "Ravi"),
            ("HAAT_ADMIN_PASSWORD", "password"),
        ],
    );
    assert!(!weak.status.success());
    assert_eq!(accounts(&db).await.len(), 1);
}

#[tokio::test]
async fn demo_data_refuses_a_production_shop_unless_forced() {
    let db = common::fresh_database().await;
    let prod = [("LEPTOS_ENV", "PROD"), ("SITE_URL", "https://shop.example")];
    let refused = haat(&db, &["demo-data"], &prod);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("create-admin"));
    assert!(accounts(&db).await.is_empty());

    let forced = haat(&db, &["demo-data", "--force"], &prod);
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert_eq!(accounts(&db).await.len(), 4);
}
