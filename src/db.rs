//! All SQL, one file per aggregate. Functions take an executor so that the
//! caller owns the transaction.

pub mod admin_categories;
pub mod admin_orders;
pub mod admin_products;
pub mod admin_users;
pub mod audit;
pub mod batches;
pub mod carts;
pub mod catalog;
pub mod catalog_writes;
pub mod commissions;
pub mod goods_receipts;
pub mod gst_reports;
pub mod images;
pub mod invoices;
pub mod leads;
pub mod menus;
pub mod order_expiry;
pub mod orders;
pub mod outbox;
pub mod pages;
pub mod partner_applications;
pub mod partner_documents;
pub mod partners;
pub mod password_resets;
pub mod payments;
pub mod payouts;
pub mod product_cards;
pub mod rate_limits;
pub mod search;
pub mod settings;
pub mod stock;
pub mod stock_alerts;
pub mod users;
