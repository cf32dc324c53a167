pub mod dashboard_page;
pub mod partner_section;
