//! The partner programme's public side: applying to join.

// A server function's arguments are its form's fields, one each, so that the
// form posts plain names with or without JavaScript.
#![allow(clippy::too_many_arguments)]

use crate::domain::AppError;
use leptos::prelude::*;

pub const APPLICATION_PENDING: &str =
    "An application from this email address is already waiting for a decision; we will write to you soon.";

/// Stores an application as pending, emails the applicant a confirmation and
/// the admins a notification. Open to everyone, so rate-limited per address.
#[server(prefix = "/api", endpoint = "apply_as_partner")]
pub async fn apply_as_partner(
    kind: String,
    name: String,
    email: String,
    mobile: String,
    city: String,
    pan: String,
    upi_id: String,
    #[server(default)] business_name: String,
    #[server(default)] gstin: String,
    #[server(default)] address: String,
) -> Result<(), AppError> {
    use crate::{
        db::{partner_applications, users},
        domain::ApplicationForm,
        server::{
            client_ip::client_ip,
            errors::OrInternal,
            mail::{self, messages},
            state::app_state,
        },
    };
    let state = app_state();
    let posted = ApplicationForm {
        kind,
        name,
        email,
        mobile,
        city,
        pan,
        upi_id,
        business_name,
        gstin,
        address,
    };
    if let Err(wait) = state.limiters.form_post(client_ip().await?).await? {
        return Err(AppError::rate_limited(wait.message(), posted.values()));
    }
    let application = posted.parse().map_err(AppError::Invalid)?;

    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    if partner_applications::insert(&mut *tx, &application)
        .await
        .or_internal("storing an application")?
        .is_none()
    {
        let mut form = crate::domain::FormErrors::new(posted.values());
        form.add("email", APPLICATION_PENDING);
        return Err(AppError::Invalid(form));
    }
    let kind = application.kind.label().to_lowercase();
    let thanks = messages::application_received(application.name.as_str(), &kind);
    let review = messages::application_to_admins(
        application.name.as_str(),
        &kind,
        &application.city,
        &state.config.link("/admin/partners"),
    );
    let mut emails = vec![(application.email.as_str().to_string(), thanks)];
    for admin in users::admin_emails(&mut *tx)
        .await
        .or_internal("listing admins")?
    {
        emails.push((admin, review.clone()));
    }
    for (to, composed) in &emails {
        mail::queue(&mut *tx, to, composed)
            .await
            .or_internal("queueing an application email")?;
    }
    tx.commit()
        .await
        .or_internal("committing the application")?;
    leptos_axum::redirect("/partners/apply?sent=1");
    Ok(())
}
