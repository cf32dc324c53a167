//! Logging in and out, and who is logged in.

use crate::domain::{AppError, SignedInUser};
use leptos::prelude::*;

/// The signed-in user, or `None` for a visitor. Open to everyone.
#[server(prefix = "/api", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<SignedInUser>, AppError> {
    use crate::server::auth::session_user;
    Ok(session_user().await?.as_ref().map(SignedInUser::from))
}

/// Logs in and sends the user on to `next` (a path on this site) or their home.
#[server(prefix = "/api", endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::{
        domain::Email,
        server::{
            auth::{start_session, AuthSession, Credentials},
            client_ip::client_ip,
            errors::OrInternal,
            state::app_state,
        },
    };
    let values = vec![
        ("email".to_string(), email.clone()),
        ("next".to_string(), next.clone().unwrap_or_default()),
    ];
    let Ok(parsed_email) = Email::parse(&email) else {
        return Err(AppError::form(LOGIN_FAILED, values));
    };
    let ip = client_ip().await?;
    if let Err(wait) = app_state()
        .limiters
        .login_attempt(ip, parsed_email.as_str())
        .await?
    {
        return Err(AppError::rate_limited(wait.message(), values));
    }
    let auth: AuthSession = leptos_axum::extract()
        .await
        .or_internal("reading the session")?;
    let user = auth
        .authenticate(Credentials {
            email: parsed_email,
            password,
        })
        .await
        .or_internal("checking credentials")?;
    let Some(user) = user else {
        return Err(AppError::form(LOGIN_FAILED, values));
    };
    start_session(&user).await?;
    leptos_axum::redirect(&safe_next(next.as_deref(), user.0.role()));
    Ok(())
}

/// The same words whether the email is unknown, the password wrong or the account disabled.
pub const LOGIN_FAILED: &str = "That email and password do not match an account.";

#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{auth::AuthSession, errors::OrInternal};
    let mut auth: AuthSession = leptos_axum::extract()
        .await
        .or_internal("reading the session")?;
    auth.logout().await.or_internal("ending the session")?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Where to go after logging in: `next` when it is a path on this site, else
/// the role's home. Absolute URLs are refused so the login form cannot be
/// used to send people to another site.
pub fn safe_next(next: Option<&str>, role: crate::domain::Role) -> String {
    match next {
        Some(path) if is_local_path(path) => path.to_string(),
        _ if role.has_dashboard() => "/dashboard".to_string(),
        _ => "/account".to_string(),
    }
}

/// A path on this site, in visible ASCII only (it goes into a `Location` header).
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

#[cfg(test)]
mod tests {
    use super::safe_next;
    use crate::domain::Role;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/admin"), Role::Admin), "/admin");
        assert_eq!(
            safe_next(Some("//evil.example"), Role::Customer),
            "/account"
        );
        assert_eq!(
            safe_next(Some("https://evil.example"), Role::Customer),
            "/account"
        );
        assert_eq!(safe_next(None, Role::Staff), "/dashboard");
        assert_eq!(
            safe_next(Some("/a\nLocation: x"), Role::Customer),
            "/account"
        );
        assert_eq!(
            safe_next(Some("/\\evil.example"), Role::Customer),
            "/account"
        );
    }
}
