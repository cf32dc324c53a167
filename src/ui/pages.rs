//! One file per page, grouped by who uses them.

pub mod account;
pub mod admin;
pub mod crm;
pub mod dashboard;
pub mod not_found_page;
pub mod partners;
pub mod storefront;
