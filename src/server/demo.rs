//! Demo data: one account per role, a catalogue of about a hundred products,
//! a few dozen orders, and the shop's pages and details. Loaded idempotently:
//! running it twice changes nothing.

pub mod accounts;
pub mod catalogue;
pub mod content;
pub mod pharmacy;

pub use accounts::{DEMO_ACCOUNTS, DEMO_PASSWORD};

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("hashing the demo password failed")]
    Hash,
    #[error("demo data is invalid: {0}")]
    Invalid(String),
}

pub async fn load(pool: &sqlx::PgPool) -> Result<(), DemoError> {
    accounts::load(pool).await?;
    catalogue::load(pool).await?;
    pharmacy::load(pool).await?;
    content::load(pool).await
}
