//! Parts reused across pages.

pub mod access;
pub mod account_menu;
pub mod admin_frame;
pub mod breadcrumbs;
pub mod copy_button;
pub mod current_user;
pub mod enquiry_form;
pub mod form;
pub mod live_stock;
pub mod markdown_editor;
pub mod notice;
pub mod page_header;
pub mod price;
pub mod product_card;
pub mod search_box;
pub mod seo;
pub mod stock_badge;
