//! Parts reused across pages.

pub mod access;
pub mod account_menu;
pub mod current_user;
pub mod form;
pub mod notice;
pub mod page_header;
