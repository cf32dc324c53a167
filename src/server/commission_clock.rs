//! Pending commissions become due when their holding period ends. The due
//! time is stored on each commission, so a restart loses nothing; statements
//! and dashboards also bring commissions up to date before they read them.

use crate::db::commissions;
use sqlx::PgPool;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60);

pub async fn run(pool: PgPool) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match commissions::make_due(&pool).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(due = n, "commissions past their holding period are due"),
            Err(e) => tracing::error!("making commissions due: {e}"),
        }
    }
}
