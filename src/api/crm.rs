//! The CRM: the leads board, a lead's page, entering, moving, assigning and
//! following up leads. Staff who sell or manage (and admins) see every lead;
//! partners see only leads assigned to them or submitted by them, which the
//! queries in `db::leads` enforce for every read and write.

mod board;
mod conversion;
mod entry;
mod pipeline;

pub use board::*;
pub use conversion::*;
pub use entry::*;
pub use pipeline::*;
