//! Creating an account.

use crate::domain::AppError;
use leptos::prelude::*;

pub const EMAIL_TAKEN: &str =
    "An account with this email already exists. Log in, or reset your password.";

#[server(prefix = "/api", endpoint = "signup")]
pub async fn signup(
    name: String,
    email: String,
    mobile: String,
    password: String,
) -> Result<(), AppError> {
    use crate::{
        db::{
            outbox::{self, OutgoingEmail},
            users::{self, NewUser},
        },
        domain::{Email, FormErrors, Mobile, NewPassword, PersonName, Role},
        server::{
            auth::{password as passwords, start_session, SessionUser},
            client_ip::client_ip,
            errors::OrInternal,
            mail::messages,
            state::app_state,
        },
    };
    let state = app_state();
    let mut form = FormErrors::new(vec![
        ("name".into(), name.clone()),
        ("email".into(), email.clone()),
        ("mobile".into(), mobile.clone()),
    ]);
    if let Err(wait) = state.limiters.form_post(client_ip().await?).await? {
        return Err(AppError::rate_limited(wait.message(), form.values));
    }
    let name = form.check("name", PersonName::parse(&name));
    let email = form.check("email", Email::parse(&email));
    let mobile = form.check("mobile", Mobile::parse_optional(&mobile));
    let password = form.check("password", NewPassword::parse(password));
    if let (Some(pw), Some(n), Some(e)) = (&password, &name, &email) {
        if passwords::is_too_common(pw, &[n.as_str(), e.as_str()]) {
            form.add("password", passwords::PASSWORD_TOO_COMMON);
        }
    }
    let (Some(name), Some(email), Some(mobile), Some(password)) = (name, email, mobile, password)
    else {
        return Err(AppError::Invalid(form));
    };
    form.clone().into_result()?;

    let hash = passwords::hash(&password)
        .await
        .or_internal("hashing a password")?;
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let new_user = NewUser {
        email: &email,
        name: &name,
        mobile: mobile.as_ref(),
        password_hash: &hash,
        role: Role::Customer,
    };
    let Some(id) = users::insert(&mut *tx, new_user)
        .await
        .or_internal("creating a user")?
    else {
        form.add("email", EMAIL_TAKEN);
        return Err(AppError::Invalid(form));
    };
    let welcome = messages::welcome(name.as_str(), &state.config.link("/account"));
    outbox::enqueue(
        &mut *tx,
        OutgoingEmail {
            to: email.as_str(),
            subject: &welcome.subject,
            body_text: &welcome.body_text,
        },
    )
    .await
    .or_internal("queueing the welcome email")?;
    let user = users::find_by_id(&mut *tx, id)
        .await
        .or_internal("reading the new user")?;
    tx.commit().await.or_internal("committing the new user")?;

    if let Some(user) = user {
        start_session(&SessionUser(user)).await?;
    }
    leptos_axum::redirect("/account?welcome=1");
    Ok(())
}
