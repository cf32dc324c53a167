//! The password asked again before a change that moves money or power
//! (paying a partner, changing someone's role or access): a session left
//! open on a shop counter must not be enough for those.

use super::{backend::SessionUser, password};
use crate::{
    domain::{AppError, FormErrors},
    server::{client_ip::client_ip, state::app_state},
};

pub const PASSWORD_NOT_CONFIRMED: &str = "Enter your own password to confirm this change.";

/// Checks `typed` against the signed-in user's password, counted like a
/// login attempt; a wrong one is reported beside `field` of `form`.
pub async fn confirm_password(
    user: &SessionUser,
    typed: String,
    form: &mut FormErrors,
    field: &str,
) -> Result<(), AppError> {
    let allowance = app_state()
        .limiters
        .login_attempt(client_ip().await?, &user.0.email)
        .await?;
    if let Err(wait) = allowance {
        return Err(AppError::rate_limited(wait.message(), form.values.clone()));
    }
    if !password::verify(typed, Some(user.0.password_hash.clone())).await {
        form.add(field, PASSWORD_NOT_CONFIRMED);
    }
    Ok(())
}
