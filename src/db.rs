//! All SQL, one file per aggregate. Functions take an executor so that the
//! caller owns the transaction.

pub mod carts;
pub mod catalog;
pub mod catalog_writes;
pub mod orders;
pub mod outbox;
pub mod password_resets;
pub mod product_cards;
pub mod search;
pub mod stock_alerts;
pub mod users;
