//! The CRM: the leads board, entering a lead, and a lead's page.

pub mod board_page;
pub mod lead_page;
pub mod new_lead_page;
