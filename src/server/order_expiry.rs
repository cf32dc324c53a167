//! Unpaid orders give their stock back when their time is up: UPI and online
//! orders awaiting payment, UPI orders whose reported UTR staff never confirm,
//! and cash orders nobody collects. The deadline is stored on the order, so a
//! restart loses nothing: the next round after start-up expires whatever fell
//! due meanwhile.

use crate::db::order_expiry;
use crate::server::mail::messages;
use sqlx::{PgConnection, PgPool};
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(15);

/// Expires every offline order that is due now; returns how many.
pub async fn expire_due(pool: &PgPool) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let mut expired = 0;
    for (order_id, status) in order_expiry::due_offline(&mut tx).await? {
        if expire(&mut tx, order_id, &status).await? {
            expired += 1;
        }
    }
    tx.commit().await?;
    Ok(expired)
}

/// Expires one order still in `from`, returns its stock and emails the
/// customer why; `false` when the order had already moved on.
pub async fn expire(tx: &mut PgConnection, order_id: i64, from: &str) -> sqlx::Result<bool> {
    let Some(order) = order_expiry::expire(tx, order_id, from).await? else {
        return Ok(false);
    };
    if !order.email.is_empty() {
        let mail = messages::order_expired(
            &order.customer_name,
            &order.reference,
            &crate::domain::Paise(order.total_paise).to_string(),
            messages::why_expired(from),
        );
        crate::server::mail::queue(&mut *tx, &order.email, &mail).await?;
    }
    Ok(true)
}

pub async fn run(pool: PgPool) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match expire_due(&pool).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                expired = n,
                "unpaid orders expired and their stock returned"
            ),
            Err(e) => tracing::error!("expiring orders: {e}"),
        }
    }
}
