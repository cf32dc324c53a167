//! The admin area: one page per screen.

pub mod admin_page;
pub mod audit_page;
pub mod categories_page;
pub mod expiry_page;
pub mod gst_page;
pub mod menus_page;
pub mod order_page;
pub mod orders_page;
pub mod page_edit_page;
pub mod pages_page;
pub mod partners_page;
pub mod payouts_page;
pub mod product_edit_page;
pub mod products_page;
pub mod receiving_page;
pub mod settings_page;
pub mod users_page;
