//! Entering a lead, with the duplicate warning.

// A server function's arguments are its form's fields, one each, so that the
// form posts plain names with or without JavaScript.
#![allow(clippy::too_many_arguments)]

use crate::domain::AppError;
use leptos::prelude::*;

pub const ALREADY_KNOWN: &str = "The shop already has a lead with this mobile or email.";
pub const DUPLICATE_HINT: &str = "Tick \"Add it anyway\" if this is a different person.";

/// Staff enter leads from calls and visits; partners submit leads they
/// bring (credited to them). A mobile or email already on a lead is
/// refused once with the match named, and accepted with `duplicate_ok`.
#[server(prefix = "/api", endpoint = "crm/create_lead")]
pub async fn create_lead(
    name: String,
    mobile: String,
    email: String,
    company: String,
    city: String,
    interest: String,
    estimated_value: String,
    #[server(default)] duplicate_ok: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        db::leads::{self, NewLead, Viewer},
        domain::{FormErrors, LeadForm},
        server::{crm_access::crm_viewer, errors::OrInternal, state::app_state},
    };
    let (user, viewer) = crm_viewer().await?;
    let posted = LeadForm {
        name,
        mobile,
        email,
        company,
        city,
        interest,
        estimated_value,
    };
    let lead = posted.parse().map_err(AppError::Invalid)?;
    let pool = &app_state().pool;
    let mobile = lead.mobile.as_ref().map(|m| m.as_str());
    let email = lead.email.as_ref().map(|e| e.as_str());
    if duplicate_ok.is_none() {
        let matches = leads::matching(pool, mobile, email)
            .await
            .or_internal("looking for duplicates")?;
        if let Some((id, name, stage)) = matches.first() {
            let mut form = FormErrors::new(posted.values());
            let field = if mobile.is_some() { "mobile" } else { "email" };
            // Staff see which lead it is; a partner learns only that the
            // shop knows the person (other partners' leads stay private).
            let message = match viewer {
                Viewer::Staff => format!(
                    "Lead #{id}, {name} ({stage}), has the same mobile or email. {DUPLICATE_HINT}"
                ),
                Viewer::Partner(_) => format!("{ALREADY_KNOWN} {DUPLICATE_HINT}"),
            };
            form.add(field, message);
            return Err(AppError::Invalid(form));
        }
    }
    let (source, submitted_by, assigned_to) = match viewer {
        Viewer::Staff => ("staff", None, None),
        Viewer::Partner(id) => ("partner", Some(id), None),
    };
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let id = leads::insert(
        &mut tx,
        NewLead {
            name: lead.name.as_str(),
            mobile,
            email,
            company: &lead.company,
            city: &lead.city,
            source,
            interest: &lead.interest,
            estimated_value_paise: lead.estimated_value.map(|p| p.0),
            submitted_by,
            assigned_to,
            follow_up_on: None,
        },
        Some(user.0.id),
    )
    .await
    .or_internal("saving a lead")?;
    tx.commit().await.or_internal("committing the lead")?;
    leptos_axum::redirect(&format!("/crm/leads/{id}?created=1"));
    Ok(())
}
