//! The checks every server function starts with: who is asking, and may they.

use super::backend::{AuthSession, SessionUser};
use crate::domain::{AppError, Role, SignedInUser};
use crate::server::errors::set_status;
use http::StatusCode;

/// The signed-in user, if any.
pub async fn session_user() -> Result<Option<SessionUser>, AppError> {
    let auth: AuthSession = leptos_axum::extract()
        .await
        .map_err(|e| crate::server::errors::internal("reading the session", e))?;
    Ok(auth.user)
}

/// The signed-in user, or 401.
pub async fn require_user() -> Result<SessionUser, AppError> {
    match session_user().await? {
        Some(user) => Ok(user),
        None => Err(refuse(StatusCode::UNAUTHORIZED, AppError::Unauthorized)),
    }
}

/// The signed-in user when they have one of `roles`: 401 when signed out, 403 otherwise.
/// The first line of every server function that is not for everyone.
pub async fn require_role(roles: &[Role]) -> Result<SessionUser, AppError> {
    let user = require_user().await?;
    if roles.contains(&user.0.role()) {
        Ok(user)
    } else {
        Err(refuse(StatusCode::FORBIDDEN, AppError::Forbidden))
    }
}

fn refuse(status: StatusCode, error: AppError) -> AppError {
    set_status(status);
    error
}

impl From<&SessionUser> for SignedInUser {
    fn from(user: &SessionUser) -> Self {
        SignedInUser {
            id: user.0.id.to_string(),
            name: user.0.name.clone(),
            email: user.0.email.clone(),
            mobile: user.0.mobile.clone(),
            role: user.0.role(),
        }
    }
}
