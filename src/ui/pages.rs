//! One file per page, grouped by who uses them.

pub mod account;
pub mod admin;
pub mod dashboard;
pub mod home_page;
pub mod not_found_page;
