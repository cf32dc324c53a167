pub mod admin_page;
