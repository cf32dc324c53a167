//! Unpaid UPI orders give their stock back when their time is up. The
//! deadline is stored on the order, so a restart loses nothing: the next
//! round after start-up expires whatever fell due meanwhile.

use crate::db::orders;
use sqlx::PgPool;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(15);

/// Expires every order that is due now; returns how many.
pub async fn expire_due(pool: &PgPool) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let expired = orders::expire_due(&mut tx).await?;
    tx.commit().await?;
    Ok(expired)
}

pub async fn run(pool: PgPool) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match expire_due(&pool).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                expired = n,
                "unpaid UPI orders expired and their stock returned"
            ),
            Err(e) => tracing::error!("expiring orders: {e}"),
        }
    }
}
