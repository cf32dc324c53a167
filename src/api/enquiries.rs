//! The website's contact and "book a consultation" forms. Each becomes a
//! lead in the CRM; the sender gets a confirmation and the sales staff a
//! notification. Open to everyone, so rate-limited per address.

use crate::domain::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "send_enquiry")]
pub async fn send_enquiry(
    kind: String,
    name: String,
    mobile: String,
    email: String,
    interest: String,
    #[server(default)] preferred_date: String,
) -> Result<(), AppError> {
    use crate::{
        db::leads::{self, NewLead},
        domain::{parse_date, FormErrors, LeadForm},
        server::{
            client_ip::client_ip,
            dates::date,
            errors::OrInternal,
            mail::{self, messages},
            state::app_state,
        },
    };
    let state = app_state();
    let consultation = kind == "consultation";
    let posted = LeadForm {
        name,
        mobile,
        email,
        interest,
        ..Default::default()
    };
    let typed_date = ("preferred_date".to_string(), preferred_date.clone());
    if let Err(wait) = state.limiters.form_post(client_ip().await?).await? {
        let mut values = posted.values();
        values.push(typed_date);
        return Err(AppError::rate_limited(wait.message(), values));
    }
    let parsed = posted.parse();
    // The lead's own fields are checked by `LeadForm`; the day is added here.
    let mut form = parsed
        .as_ref()
        .err()
        .cloned()
        .unwrap_or_else(|| FormErrors::new(posted.values()));
    form.values.push(typed_date);
    if posted.interest.trim().is_empty() {
        form.add("interest", "Tell us what you would like to know.");
    }
    let day = if consultation {
        match form.check("preferred_date", parse_date(&preferred_date)) {
            Some(Some(parts)) => match date(parts) {
                Some(day) => Some(day),
                None => {
                    form.add("preferred_date", "That day does not exist in that month.");
                    None
                }
            },
            Some(None) => {
                form.add("preferred_date", "Choose a day for the consultation.");
                None
            }
            None => None,
        }
    } else {
        None
    };
    let Ok(lead) = parsed else {
        return Err(AppError::Invalid(form));
    };
    form.clone().into_result()?;

    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let id = leads::insert(
        &mut tx,
        NewLead {
            name: lead.name.as_str(),
            mobile: lead.mobile.as_ref().map(|m| m.as_str()),
            email: lead.email.as_ref().map(|e| e.as_str()),
            company: "",
            city: "",
            source: if consultation {
                "consultation"
            } else {
                "contact"
            },
            interest: &lead.interest,
            estimated_value_paise: None,
            submitted_by: None,
            assigned_to: None,
            follow_up_on: day,
        },
        None,
    )
    .await
    .or_internal("saving an enquiry")?;
    let when = day.map(|d| d.to_string());
    let mut mails = Vec::new();
    if let Some(email) = &lead.email {
        mails.push((
            email.as_str().to_string(),
            messages::enquiry_received(lead.name.as_str(), when.as_deref()),
        ));
    }
    let notice = messages::enquiry_to_staff(
        lead.name.as_str(),
        when.as_deref(),
        &state.config.link(&format!("/crm/leads/{id}")),
    );
    for to in leads::sales_emails(&mut *tx)
        .await
        .or_internal("listing sales staff")?
    {
        mails.push((to, notice.clone()));
    }
    for (to, mail) in &mails {
        mail::queue(&mut *tx, to, mail)
            .await
            .or_internal("queueing an enquiry email")?;
    }
    tx.commit().await.or_internal("committing the enquiry")?;
    let page = if consultation {
        "/book-a-consultation"
    } else {
        "/contact"
    };
    leptos_axum::redirect(&format!("{page}?sent=1"));
    Ok(())
}
