//! "Notify me" on an out-of-stock product.

use crate::domain::AppError;
use leptos::prelude::*;

/// Asks for one email when the product is back. A signed-in customer may
/// leave the email empty to use their account's.
#[server(prefix = "/api", endpoint = "notify_me")]
pub async fn notify_me(product_id: i32, email: String) -> Result<(), AppError> {
    use crate::{
        db::stock_alerts,
        domain::{Email, FormErrors},
        server::{
            auth::session_user,
            client_ip::client_ip,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let state = app_state();
    let form = FormErrors::new(vec![("email".into(), email.clone())]);
    if let Err(wait) = state.limiters.form_post(client_ip().await?).await? {
        return Err(AppError::rate_limited(wait.message(), form.values));
    }
    let email = match (email.trim().is_empty(), session_user().await?) {
        (true, Some(user)) => Email::parse(&user.0.email),
        _ => Email::parse(&email),
    };
    let mut form = form;
    let Some(email) = form.check("email", email) else {
        return Err(AppError::Invalid(form));
    };
    let Some(slug) = stock_alerts::product_slug(&state.pool, product_id)
        .await
        .or_internal("finding a product")?
    else {
        return Err(not_found());
    };
    stock_alerts::subscribe(&state.pool, product_id, email.as_str())
        .await
        .or_internal("saving the request")?;
    leptos_axum::redirect(&format!("/p/{slug}?notify=1"));
    Ok(())
}
