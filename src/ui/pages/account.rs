pub mod account_page;
pub mod forgot_password_page;
pub mod login_page;
pub mod reset_password_page;
pub mod signup_page;
