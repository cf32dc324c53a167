//! A won lead becoming a customer account.

use crate::domain::AppError;
use leptos::prelude::*;

pub const NOT_WON: &str = "Only a won lead becomes a customer; move it to Won first.";
pub const NO_EMAIL: &str = "The lead needs an email address to have an account.";

/// Staff turn a won lead into a customer account: the account with the
/// lead's email if there is one, else a new one whose owner is emailed a
/// link to choose a password.
#[server(prefix = "/api", endpoint = "crm/convert_lead")]
pub async fn convert_lead(id: i64) -> Result<(), AppError> {
    use crate::{
        db::{
            leads::{self, Viewer},
            outbox::{self, OutgoingEmail},
            users,
        },
        domain::{Email, LeadStage, Mobile, PersonName, Role},
        server::{
            auth::{
                invite::{self, Invitee},
                require_role,
            },
            crm_access::crm_viewer,
            errors::{not_found, OrInternal},
            mail::messages,
            state::app_state,
        },
    };
    let (user, viewer) = crm_viewer().await?;
    if !matches!(viewer, Viewer::Staff) {
        require_role(&[Role::Staff, Role::Admin]).await?;
    }
    let state = app_state();
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let Some(lead) = leads::get(&mut *tx, id, viewer)
        .await
        .or_internal("reading a lead")?
    else {
        return Err(not_found());
    };
    if lead.customer_id.is_some() {
        leptos_axum::redirect(&format!("/crm/leads/{id}"));
        return Ok(());
    }
    if LeadStage::parse(&lead.stage) != Some(LeadStage::Won) {
        return Err(AppError::form(NOT_WON, Vec::new()));
    }
    let Some(email) = lead.email.as_deref().and_then(|e| Email::parse(e).ok()) else {
        return Err(AppError::form(NO_EMAIL, Vec::new()));
    };
    let customer = match users::find_by_email(&mut *tx, &email)
        .await
        .or_internal("finding the account")?
    {
        Some(existing) => existing.id,
        None => {
            // Checked when the lead was entered.
            let name = PersonName::parse(&lead.name)
                .map_err(std::io::Error::other)
                .or_internal("reading the lead's name")?;
            let mobile = lead.mobile.as_deref().and_then(|m| Mobile::parse(m).ok());
            let Some((customer, link)) = invite::open_account(
                &mut tx,
                Invitee {
                    email: &email,
                    name: &name,
                    mobile: mobile.as_ref(),
                    role: Role::Customer,
                },
            )
            .await?
            else {
                return Err(not_found());
            };
            let mail = messages::account_opened(name.as_str(), &link);
            outbox::enqueue(
                &mut *tx,
                OutgoingEmail {
                    to: email.as_str(),
                    subject: &mail.subject,
                    body_text: &mail.body_text,
                },
            )
            .await
            .or_internal("queueing the account email")?;
            customer
        }
    };
    leads::set_customer(&mut *tx, id, customer)
        .await
        .or_internal("linking the account")?;
    leads::add_event(
        &mut *tx,
        id,
        "note",
        "Became a customer account",
        Some(user.0.id),
    )
    .await
    .or_internal("adding to the timeline")?;
    tx.commit().await.or_internal("committing the account")?;
    leptos_axum::redirect(&format!("/crm/leads/{id}"));
    Ok(())
}
