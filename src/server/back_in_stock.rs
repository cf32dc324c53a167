//! Emails the shoppers who asked to hear when a product returns: woken by
//! every stock change, and every minute in case a change was missed.

use super::{config::Config, live_stock::StockEvents, mail::messages};
use crate::db::{
    outbox::{self, OutgoingEmail},
    stock_alerts,
};
use sqlx::PgPool;
use std::time::Duration;

/// Queues one email per open request whose product is in stock; returns how many.
pub async fn send_due(pool: &PgPool, config: &Config) -> sqlx::Result<usize> {
    let mut tx = pool.begin().await?;
    let due = stock_alerts::take_due(&mut tx).await?;
    for alert in &due {
        let mail = messages::back_in_stock(
            &alert.product_name,
            &config.link(&format!("/p/{}", alert.product_slug)),
        );
        outbox::enqueue(
            &mut *tx,
            OutgoingEmail {
                to: &alert.email,
                subject: &mail.subject,
                body_text: &mail.body_text,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(due.len())
}

pub async fn run(pool: PgPool, config: std::sync::Arc<Config>, events: StockEvents) {
    let mut changes = events.0.subscribe();
    loop {
        if let Err(e) = send_due(&pool, &config).await {
            tracing::error!("back-in-stock emails: {e}");
        }
        // Either a stock change or a minute, whichever comes first.
        let _ = tokio::time::timeout(Duration::from_secs(60), changes.recv()).await;
    }
}
