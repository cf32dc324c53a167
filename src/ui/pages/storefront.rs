pub mod cart_page;
pub mod category_page;
pub mod checkout_page;
pub mod content_page;
pub mod home_page;
pub mod order_page;
pub mod product_page;
pub mod search_page;
