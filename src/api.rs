//! Server functions, one file per area. Each is a public POST endpoint under
//! `/api/`: whoever may call it is checked in its first lines.

pub mod admin;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod content;
pub mod dashboards;
pub mod orders;
pub mod password;
pub mod session;
pub mod signup;
pub mod stock_alerts;
