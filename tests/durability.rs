//! Acknowledged orders survive a crash of PostgreSQL: the cluster the
//! scripts start commits durably. Only the tests' throw-away databases turn
//! synchronous commits off for themselves.

mod common;

use sqlx::Connection;

#[tokio::test]
async fn the_database_cluster_commits_durably() {
    let admin = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    // The values the server runs with (the scripts' database sets none of
    // its own; a command-line `-c synchronous_commit=off` would show here).
    let settings: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit')",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(settings.len(), 2);
    for (name, value) in &settings {
        assert_eq!(value, "on", "{name}");
    }
}
