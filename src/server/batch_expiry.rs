//! A batch stops being sellable on its expiry date (Asia/Kolkata). Orders
//! already refuse expired batches when they take stock; this job brings the
//! sellable stock the shop shows (and the live badges) up to the new day.

use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60);

pub async fn run(pool: sqlx::PgPool) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        let today = match sqlx::query_scalar!(r#"SELECT kolkata_today()::text AS "today!""#)
            .fetch_one(&pool)
            .await
        {
            Ok(today) => today,
            Err(e) => {
                tracing::error!("reading today's date: {e}");
                continue;
            }
        };
        match crate::db::batches::refresh_expired(&pool, &today).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(products = n, "expired batches taken out of sellable stock"),
            Err(e) => tracing::error!("taking expired batches out of stock: {e}"),
        }
    }
}
