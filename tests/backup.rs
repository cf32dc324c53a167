//! `scripts/backup` and `scripts/restore`: a backup taken while customers are
//! ordering holds every order they were told was placed before it began, and
//! a server on the restored database serves those orders.

mod common;

use common::*;
use sqlx::Connection;
use std::{
    process::Command,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// An empty database (no migrations): what a restore goes into.
async fn empty_database() -> String {
    let admin = std::env::var("DATABASE_URL").unwrap();
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    let name = format!("haat_t_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let mut url = url::Url::parse(&admin).unwrap();
    url.set_path(&name);
    url.to_string()
}

fn script(name: &str, args: &[&str], database_url: &str) -> std::process::Output {
    Command::new("bash")
        .arg(format!("scripts/{name}"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .output()
        .expect("run the script")
}

/// `(reference, link with its key, when the shopper was told it was placed)`.
type Placed = Arc<Mutex<Vec<(String, String, Instant)>>>;

async fn keep_ordering(app: &TestApp, placed: Placed, until: Instant) {
    while Instant::now() < until {
        let shopper = guest_with_cart(app, "STP-001", "1").await;
        let answer = place_order(&shopper, app, &checkout_form(&[])).await;
        if answer.status() == 200 || answer.status().is_redirection() {
            let link = answer.headers()["location"].to_str().unwrap().to_string();
            let reference = order_reference(&answer);
            placed
                .lock()
                .unwrap()
                .push((reference, link, Instant::now()));
        }
    }
}

#[tokio::test]
async fn a_backup_taken_under_order_load_restores_every_acknowledged_order() {
    let app = spawn_shop().await;
    // Enough rice for every order the shoppers can place in the time.
    sqlx::query("UPDATE products SET stock = 100000 WHERE sku = 'STP-001'")
        .execute(&app.pool)
        .await
        .unwrap();
    let placed: Placed = Arc::default();
    let until = Instant::now() + Duration::from_secs(4);
    let shoppers: Vec<_> = (0..4)
        .map(|_| keep_ordering(&app, placed.clone(), until))
        .collect();
    let backup_file = std::env::temp_dir().join(format!("haat-{}.dump", uuid::Uuid::new_v4()));
    let backup = async {
        // Let the shoppers get going, then back up in the middle of it.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let started = Instant::now();
        let file = backup_file.to_str().unwrap().to_string();
        let url = app.database_url.clone();
        let output = tokio::task::spawn_blocking(move || script("backup", &[&file], &url))
            .await
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        started
    };
    let (started, _) = tokio::join!(backup, futures::future::join_all(shoppers));
    let placed = placed.lock().unwrap().clone();
    let before: Vec<_> = placed.iter().filter(|(_, _, at)| *at < started).collect();
    assert!(
        before.len() >= 3,
        "only {} orders before the backup",
        before.len()
    );
    assert!(
        placed.len() > before.len(),
        "no orders during the backup ({} before it)",
        before.len()
    );

    let restored_url = empty_database().await;
    let file = backup_file.to_str().unwrap().to_string();
    let output = script("restore", &[&file], &restored_url);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Restoring over a database that has data is refused without --replace.
    let again = script("restore", &[&file], &restored_url);
    assert!(!again.status.success());

    let restored = spawn_app_with(Settings {
        database_url: Some(restored_url),
        ..Default::default()
    })
    .await;
    for (reference, link, _) in before {
        let page = browser()
            .get(format!("{}{link}", restored.url))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "order {reference}");
        assert!(page.text().await.unwrap().contains(reference.as_str()));
    }
    // Stock and its ledger came back together.
    let (stock, ledger): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT stock FROM products WHERE sku = 'STP-001')::bigint,
                (SELECT COALESCE(sum(delta), 0) FROM stock_movements m
                   JOIN products p ON p.id = m.product_id WHERE p.sku = 'STP-001')::bigint",
    )
    .fetch_one(&restored.pool)
    .await
    .unwrap();
    assert_eq!(stock, ledger);
    let _ = std::fs::remove_file(backup_file);
}
