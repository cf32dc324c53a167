//! The admin area's server functions. Every one lives under `/api/admin/`
//! and begins by checking the caller's role; `tests/admin_access.rs` calls
//! each of them as a customer and as a visitor and expects a refusal.

pub mod audit;
pub mod categories;
pub mod content;
pub mod gst;
pub mod images;
pub mod menus;
pub mod orders;
pub mod partner_applications;
pub mod partners;
pub mod payouts;
pub mod products;
pub mod programme;
pub mod razorpay;
pub mod receiving;
pub mod refunds;
pub mod settings;
pub mod stock;
pub mod users;
