//! Types shared by the server and the browser: no I/O, checked on construction.

mod email;
mod error;
mod mobile;
mod password;
mod person_name;
mod role;
mod user;

pub use email::Email;
pub use error::{AppError, FormErrors, FormValues};
pub use mobile::Mobile;
pub use password::{NewPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
pub use person_name::PersonName;
pub use role::{Role, StaffRole};
pub use user::SignedInUser;
