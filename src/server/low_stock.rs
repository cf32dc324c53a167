//! Emails every admin when a product falls to its low-stock threshold. The
//! ledger trigger queues the event in the same transaction as the change;
//! this worker sends it, woken by stock changes and every minute.

use super::{config::Config, live_stock::StockEvents, mail::messages};
use crate::db::{
    outbox::{self, OutgoingEmail},
    stock, users,
};
use sqlx::PgPool;
use std::time::Duration;

/// Queues the emails for every waiting low-stock event; returns how many events.
pub async fn send_due(pool: &PgPool, config: &Config) -> sqlx::Result<usize> {
    let mut tx = pool.begin().await?;
    let events = stock::take_low_stock_events(&mut tx).await?;
    if !events.is_empty() {
        let admins = users::admin_emails(&mut *tx).await?;
        for event in &events {
            let mail = messages::low_stock(
                &event.product_name,
                &event.sku,
                event.stock,
                &config.link(&format!("/admin/products/{}", event.product_id)),
            );
            for admin in &admins {
                outbox::enqueue(
                    &mut *tx,
                    OutgoingEmail {
                        to: admin,
                        subject: &mail.subject,
                        body_text: &mail.body_text,
                    },
                )
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(events.len())
}

pub async fn run(pool: PgPool, config: std::sync::Arc<Config>, events: StockEvents) {
    let mut changes = events.0.subscribe();
    loop {
        if let Err(e) = send_due(&pool, &config).await {
            tracing::error!("low-stock emails: {e}");
        }
        let _ = tokio::time::timeout(Duration::from_secs(60), changes.recv()).await;
    }
}
