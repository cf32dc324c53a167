//! Forgotten and changed passwords.

use crate::domain::AppError;
use leptos::prelude::*;

/// Emails a single-use link valid for one hour, when the account exists. The
/// answer is the same either way, so the form cannot tell who has an account.
#[server(prefix = "/api", endpoint = "forgot_password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use crate::server::auth::reset_token;
    use crate::{
        db::{
            outbox::{self, OutgoingEmail},
            password_resets, users,
        },
        domain::{Email, FormErrors},
        server::{client_ip::client_ip, errors::OrInternal, mail::messages, state::app_state},
    };
    let state = app_state();
    let mut form = FormErrors::new(vec![("email".into(), email.clone())]);
    if let Err(wait) = state.limiters.form_post(client_ip().await?).await? {
        return Err(AppError::rate_limited(wait.message(), form.values));
    }
    let Some(email) = form.check("email", Email::parse(&email)) else {
        return Err(AppError::Invalid(form));
    };
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    if let Some(user) = users::find_by_email(&mut *tx, &email)
        .await
        .or_internal("finding the user")?
    {
        if !user.disabled {
            let token = reset_token::new();
            password_resets::insert(&mut *tx, &reset_token::hash(&token), user.id, 1)
                .await
                .or_internal("storing a reset token")?;
            let link = state.config.link(&format!("/reset-password?token={token}"));
            let mail = messages::password_reset(&user.name, &link);
            outbox::enqueue(
                &mut *tx,
                OutgoingEmail {
                    to: &user.email,
                    subject: &mail.subject,
                    body_text: &mail.body_text,
                },
            )
            .await
            .or_internal("queueing the reset email")?;
        }
    }
    tx.commit().await.or_internal("committing the reset")?;
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Whether a reset link can still be used, so the page can explain instead of
/// showing a form that will fail.
#[server(prefix = "/api", endpoint = "reset_token_usable")]
pub async fn reset_token_usable(token: String) -> Result<bool, AppError> {
    use crate::server::auth::reset_token;
    use crate::{
        db::password_resets,
        server::{errors::OrInternal, state::app_state},
    };
    password_resets::is_usable(&app_state().pool, &reset_token::hash(&token))
        .await
        .or_internal("checking a reset token")
}

pub const RESET_LINK_USED: &str =
    "This link has expired or was already used. Ask for a new one from the \"Forgot password\" page.";

#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::server::auth::reset_token;
    use crate::{
        db::{password_resets, users},
        domain::{FormErrors, NewPassword},
        server::{auth::password as passwords, errors::OrInternal, state::app_state},
    };
    let state = app_state();
    let mut form = FormErrors::new(vec![("token".into(), token.clone())]);
    let Some(password) = form.check("password", NewPassword::parse(password)) else {
        return Err(AppError::Invalid(form));
    };
    if passwords::is_too_common(&password, &[]) {
        form.add("password", passwords::PASSWORD_TOO_COMMON);
        return Err(AppError::Invalid(form));
    }
    let hash = passwords::hash(&password)
        .await
        .or_internal("hashing a password")?;
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let Some(user_id) = password_resets::consume(&mut *tx, &reset_token::hash(&token))
        .await
        .or_internal("using a reset token")?
    else {
        form.message = Some(RESET_LINK_USED.into());
        return Err(AppError::Invalid(form));
    };
    // A new hash ends every session of this user (see server::auth::backend).
    users::set_password_hash(&mut *tx, user_id, &hash)
        .await
        .or_internal("saving the password")?;
    tx.commit().await.or_internal("committing the reset")?;
    leptos_axum::redirect("/login?reset=1");
    Ok(())
}

pub const CURRENT_PASSWORD_WRONG: &str = "This is not your current password.";

/// Changes the password of the signed-in user; every other session ends.
#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::{
        db::{
            outbox::{self, OutgoingEmail},
            users,
        },
        domain::{FormErrors, NewPassword},
        server::{
            auth::{password as passwords, require_user, start_session, SessionUser},
            client_ip::client_ip,
            errors::OrInternal,
            mail::messages,
            state::app_state,
        },
    };
    let user = require_user().await?;
    let state = app_state();
    // Guessing the current password on a stolen session is guessing a login.
    if let Err(wait) = state
        .limiters
        .login_attempt(client_ip().await?, &user.0.email)
        .await?
    {
        return Err(AppError::rate_limited(wait.message(), vec![]));
    }
    let mut form = FormErrors::new(vec![]);
    let new_password = form.check("new_password", NewPassword::parse(new_password));
    if !passwords::verify(current_password, Some(user.0.password_hash.clone())).await {
        form.add("current_password", CURRENT_PASSWORD_WRONG);
    }
    if let Some(pw) = &new_password {
        if passwords::is_too_common(pw, &[&user.0.email, &user.0.name]) {
            form.add("new_password", passwords::PASSWORD_TOO_COMMON);
        }
    }
    form.clone().into_result()?;
    let Some(new_password) = new_password else {
        return Err(AppError::Invalid(form));
    };
    let hash = passwords::hash(&new_password)
        .await
        .or_internal("hashing a password")?;
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    users::set_password_hash(&mut *tx, user.0.id, &hash)
        .await
        .or_internal("saving the password")?;
    let mail = messages::password_changed(&user.0.name);
    outbox::enqueue(
        &mut *tx,
        OutgoingEmail {
            to: &user.0.email,
            subject: &mail.subject,
            body_text: &mail.body_text,
        },
    )
    .await
    .or_internal("queueing the notice")?;
    let updated = users::find_by_id(&mut *tx, user.0.id)
        .await
        .or_internal("reading the user")?;
    tx.commit().await.or_internal("committing the change")?;
    // Keep this session (with a fresh id); the others no longer match the hash.
    if let Some(updated) = updated {
        start_session(&SessionUser(updated)).await?;
    }
    leptos_axum::redirect("/account?password_changed=1");
    Ok(())
}
