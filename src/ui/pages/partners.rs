//! The partner programme's public pages and its application form.

pub mod apply_page;
pub mod info_page;
