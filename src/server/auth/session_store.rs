//! The session store: PostgreSQL (tower-sessions' store), with one change.
//! tower-sessions saves a changed session after the handler has run and, if
//! that save fails, replaces the handler's response with an empty 500. By
//! then the request's own work is committed (an order placed, a cart
//! changed), so the 500 told a shopper that a placed order had failed, and
//! they had no way back to it. Here a failed save is logged and the
//! response goes out: the browser only forgets what the session would have
//! remembered (its guest orders, which the order link's key still opens, or
//! a login, which then has to be repeated). Loading and deleting stay strict:
//! a logout that cannot delete its session still fails loudly.

use async_trait::async_trait;
use tower_sessions::{
    session::{Id, Record},
    session_store, SessionStore,
};
use tower_sessions_sqlx_store::PostgresStore;

#[derive(Debug, Clone)]
pub struct SessionRecords(PostgresStore);

impl SessionRecords {
    pub fn new(pool: sqlx::PgPool) -> Self {
        SessionRecords(PostgresStore::new(pool))
    }
}

#[async_trait]
impl SessionStore for SessionRecords {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        if let Err(e) = self.0.create(record).await {
            tracing::error!("a new session could not be saved; answering without it: {e}");
        }
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        if let Err(e) = self.0.save(record).await {
            tracing::error!("a session could not be saved; answering without it: {e}");
        }
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        self.0.load(id).await
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.0.delete(id).await
    }
}
