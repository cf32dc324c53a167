//! Accounts: the session backend, password rules and the role guard.

pub mod backend;
pub mod guard;
pub mod invite;
pub mod password;
pub mod reauth;
pub mod reset_token;
pub mod session_limits;
pub mod session_store;

pub use backend::{start_session, AuthSession, Backend, Credentials, SessionUser};
pub use guard::{require_role, require_user, session_user};
