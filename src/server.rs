//! Server-only parts: configuration, state, sessions and roles, security
//! layers, email, background work and start-up.

pub mod audit;
pub mod auth;
pub mod back_in_stock;
pub mod cache_headers;
pub mod cart;
pub mod client_ip;
pub mod commission_clock;
pub mod config;
pub mod crm_access;
pub mod csrf;
pub mod dates;
pub mod demo;
pub mod documents;
pub mod errors;
pub mod health;
pub mod images;
pub mod live_stock;
pub mod low_stock;
pub mod mail;
pub mod markdown;
pub mod media;
pub mod order_access;
pub mod order_expiry;
pub mod payouts;
pub mod rate_limit;
pub mod referral;
pub mod security_headers;
pub mod seo;
pub mod shop_settings;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod upi_qr;
pub mod upload;
