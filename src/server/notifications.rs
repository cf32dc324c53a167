//! One LISTEN connection per server instance for what other instances (and
//! database triggers) announce: stock changes (`stock`, passed to open pages
//! by `live_stock`), changed settings or menus (`site_changed`, which
//! empties `site_cache`) and stored Razorpay webhooks (`razorpay_event`,
//! which wakes the webhook worker).

use super::{live_stock::StockEvents, site_cache::SiteCache};
use sqlx::{postgres::PgListener, PgPool};
use std::{sync::Arc, time::Duration};
use tokio::sync::Notify;

/// Listens until the process ends, reconnecting after database outages.
pub async fn listen(pool: PgPool, stock: StockEvents, site: SiteCache, payments: Arc<Notify>) {
    loop {
        match PgListener::connect_with(&pool).await {
            Ok(mut listener) => {
                if let Err(e) = listener
                    .listen_all(["stock", "site_changed", "razorpay_event"])
                    .await
                {
                    tracing::warn!("notifications: LISTEN failed: {e}");
                } else {
                    // Changes made while not listening were not heard.
                    site.forget();
                    while let Ok(notification) = listener.recv().await {
                        match notification.channel() {
                            // No open page is not an error.
                            "stock" => {
                                let _ = stock.0.send(notification.payload().to_string());
                            }
                            "razorpay_event" => payments.notify_one(),
                            _ => site.forget(),
                        }
                    }
                }
            }
            Err(e) => tracing::warn!("notifications: no listener connection: {e}"),
        }
        site.forget();
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}
