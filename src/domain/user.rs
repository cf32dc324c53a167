//! What pages may know about the signed-in user.

use super::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedInUser {
    pub id: String,
    pub name: String,
    pub email: String,
    pub mobile: Option<String>,
    pub role: Role,
}
