//! Stopping cleanly: on Ctrl-C or SIGTERM (what `docker stop` and systemd
//! send) the server stops accepting connections and finishes the requests in
//! flight. Live-stock streams never finish on their own, so they end when
//! the shutdown begins (browsers reconnect to another instance or the
//! restarted one).

use std::sync::Arc;
use tokio::sync::watch;

#[derive(Clone)]
pub struct Shutdown(Arc<watch::Sender<bool>>);

impl Shutdown {
    pub fn new() -> Self {
        Shutdown(Arc::new(watch::channel(false).0))
    }

    /// Tells every waiter that the server is stopping.
    pub fn begin(&self) {
        self.0.send_replace(true);
    }

    /// Resolves once the shutdown has begun.
    pub async fn begun(self) {
        let mut stopping = self.0.subscribe();
        let _ = stopping.wait_for(|stopping| *stopping).await;
    }
}

impl Default for Shutdown {
    fn default() -> Self {
        Self::new()
    }
}

/// Waits for Ctrl-C or SIGTERM, then begins `shutdown`.
pub async fn on_signal(shutdown: Shutdown) {
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut sigterm) => {
                sigterm.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM ({e}); only Ctrl-C stops the server");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
    tracing::info!("stopping: finishing the requests in flight");
    shutdown.begin();
}
