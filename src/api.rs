//! Server functions, one file per area. Each is a public POST endpoint under
//! `/api/`: whoever may call it is checked in its first lines.

pub mod admin;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod content;
pub mod crm;
pub mod dashboards;
pub mod enquiries;
pub mod invoices;
pub mod orders;
pub mod partner_dashboard;
pub mod partner_documents;
pub mod partners;
pub mod password;
pub mod payments;
pub mod session;
pub mod signup;
pub mod stock_alerts;
