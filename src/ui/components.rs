//! Parts reused across pages, rendered on the server only.

pub mod access;
pub mod account_menu;
pub mod admin_frame;
pub mod breadcrumbs;
pub mod counts;
pub mod current_user;
pub mod enquiry_form;
pub mod form;
pub mod notice;
pub mod page_header;
pub mod price;
pub mod product_card;
pub mod seo;
