//! The CRM: the leads board, a lead's page, entering, moving, assigning and
//! following up leads. Staff who sell or manage (and admins) see every lead;
//! partners see only leads assigned to them or submitted by them, which the
//! queries in `db::leads` enforce for every read and write.

// A server function's arguments are its form's fields, one each, so that the
// form posts plain names with or without JavaScript.
#![allow(clippy::too_many_arguments)]

use crate::domain::{AppError, CrmBoard, LeadDetail};
use leptos::prelude::*;

pub const DUPLICATE_HINT: &str = "Tick \"Add it anyway\" if this is a different person.";
pub const LOST_NEEDS_REASON: &str = "Say why the lead was lost.";

#[server(prefix = "/api", endpoint = "crm/board")]
pub async fn load_crm_board() -> Result<CrmBoard, AppError> {
    use crate::{
        db::leads,
        server::{crm_access::crm_viewer, errors::OrInternal, state::app_state},
    };
    let (_, viewer) = crm_viewer().await?;
    let rows = leads::visible(&app_state().pool, viewer)
        .await
        .or_internal("listing leads")?;
    Ok(CrmBoard {
        leads: rows
            .into_iter()
            .map(crate::server::crm_access::card)
            .collect(),
        is_staff: matches!(viewer, leads::Viewer::Staff),
    })
}

#[server(prefix = "/api", endpoint = "crm/lead")]
pub async fn load_lead(id: i64) -> Result<LeadDetail, AppError> {
    use crate::{
        db::leads,
        domain::LeadEvent,
        server::{
            crm_access::{card, crm_viewer},
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let (_, viewer) = crm_viewer().await?;
    let pool = &app_state().pool;
    let Some(lead) = leads::get(pool, id, viewer)
        .await
        .or_internal("reading a lead")?
    else {
        return Err(not_found());
    };
    let timeline = leads::timeline(pool, id)
        .await
        .or_internal("reading the timeline")?;
    let is_staff = matches!(viewer, leads::Viewer::Staff);
    let assignees = if is_staff {
        leads::assignable_staff(pool)
            .await
            .or_internal("listing assignees")?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(LeadDetail {
        lead: card(lead),
        timeline: timeline
            .into_iter()
            .map(|e| LeadEvent {
                kind: e.kind,
                body: e.body,
                actor: e.actor,
                at: e.at,
            })
            .collect(),
        assignees,
        is_staff,
    })
}

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
            form.add(
                field,
                format!(
                    "Lead #{id}, {name} ({stage}), has the same mobile or email. {DUPLICATE_HINT}"
                ),
            );
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

/// Moves a lead to another stage (a reason is needed for "lost"). A won
/// lead a partner brought earns them the programme's fixed reward.
#[server(prefix = "/api", endpoint = "crm/move_lead")]
pub async fn move_lead(
    id: i64,
    stage: String,
    #[server(default)] lost_reason: String,
    #[server(default)] back_to: String,
) -> Result<(), AppError> {
    use crate::{
        db::{commissions, leads},
        domain::{FormErrors, LeadStage},
        server::{
            crm_access::crm_viewer,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let (user, viewer) = crm_viewer().await?;
    let field = format!("stage-{id}");
    let mut form = FormErrors::new(vec![
        (field.clone(), stage.clone()),
        (format!("lost_reason-{id}"), lost_reason.clone()),
    ]);
    let Some(stage) = LeadStage::parse(&stage) else {
        form.add(&field, "Choose a stage.");
        return Err(AppError::Invalid(form));
    };
    let reason = lost_reason.trim();
    if stage == LeadStage::Lost && reason.is_empty() {
        form.add(&format!("lost_reason-{id}"), LOST_NEEDS_REASON);
        return Err(AppError::Invalid(form));
    }
    let mut tx = app_state()
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let moved = leads::move_to(
        &mut tx,
        id,
        stage.as_str(),
        (stage == LeadStage::Lost).then_some(reason),
        viewer,
        user.0.id,
    )
    .await
    .or_internal("moving a lead")?;
    if moved.is_none() {
        return Err(not_found());
    }
    if stage == LeadStage::Won {
        commissions::accrue_for_lead(&mut *tx, id)
            .await
            .or_internal("crediting the partner's reward")?;
    }
    tx.commit().await.or_internal("committing the move")?;
    // Only paths inside the CRM: the field comes from the page's form.
    let back = if back_to.starts_with("/crm") && !back_to.starts_with("//") {
        back_to
    } else {
        format!("/crm/leads/{id}")
    };
    leptos_axum::redirect(&back);
    Ok(())
}

/// Staff give a lead to a salesperson, a manager, an admin or a partner
/// (blank for nobody); the new owner is emailed.
#[server(prefix = "/api", endpoint = "crm/assign_lead")]
pub async fn assign_lead(id: i64, assignee: String) -> Result<(), AppError> {
    use crate::{
        db::{
            leads::{self, Viewer},
            outbox::{self, OutgoingEmail},
            users,
        },
        domain::FormErrors,
        server::{
            auth::require_role,
            crm_access::crm_viewer,
            errors::{not_found, OrInternal},
            mail::messages,
            state::app_state,
        },
    };
    let (user, viewer) = crm_viewer().await?;
    if !matches!(viewer, Viewer::Staff) {
        // Partners may not hand leads around.
        require_role(&[crate::domain::Role::Staff, crate::domain::Role::Admin]).await?;
    }
    let state = app_state();
    let pool = &state.pool;
    let field = "assignee".to_string();
    let assignee = if assignee.trim().is_empty() {
        None
    } else {
        let allowed = leads::assignable_staff(pool)
            .await
            .or_internal("listing assignees")?;
        match allowed
            .iter()
            .find(|(uid, _)| uid.to_string() == assignee.trim())
        {
            Some((uid, _)) => Some(*uid),
            None => {
                let mut form = FormErrors::new(vec![(field.clone(), assignee.clone())]);
                form.add(&field, "Choose someone from the list.");
                return Err(AppError::Invalid(form));
            }
        }
    };
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    if !leads::assign(&mut tx, id, assignee, user.0.id)
        .await
        .or_internal("assigning a lead")?
    {
        return Err(not_found());
    }
    if let Some(to) = assignee {
        if let Some(owner) = users::find_by_id(&mut *tx, to)
            .await
            .or_internal("reading the assignee")?
        {
            let lead = leads::get(&mut *tx, id, Viewer::Staff)
                .await
                .or_internal("reading the lead")?;
            let lead_name = lead.map(|l| l.name).unwrap_or_default();
            let mail = messages::lead_assigned(
                &owner.name,
                &lead_name,
                &state.config.link(&format!("/crm/leads/{id}")),
            );
            outbox::enqueue(
                &mut *tx,
                OutgoingEmail {
                    to: &owner.email,
                    subject: &mail.subject,
                    body_text: &mail.body_text,
                },
            )
            .await
            .or_internal("queueing the assignment email")?;
        }
    }
    tx.commit().await.or_internal("committing the assignment")?;
    leptos_axum::redirect(&format!("/crm/leads/{id}"));
    Ok(())
}

/// A note, call or email on the lead's timeline.
#[server(prefix = "/api", endpoint = "crm/add_note")]
pub async fn add_lead_note(id: i64, kind: String, body: String) -> Result<(), AppError> {
    use crate::{
        db::leads,
        domain::FormErrors,
        server::{
            crm_access::crm_viewer,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let (user, viewer) = crm_viewer().await?;
    let mut form = FormErrors::new(vec![
        ("kind".into(), kind.clone()),
        ("body".into(), body.clone()),
    ]);
    if !matches!(kind.as_str(), "note" | "call" | "email") {
        form.add("kind", "Choose note, call or email.");
    }
    let text = body.trim();
    if text.is_empty() {
        form.add("body", "Write what happened.");
    } else if text.chars().count() > 4000 {
        form.add("body", "Keep it to 4,000 characters.");
    }
    form.into_result()?;
    let pool = &app_state().pool;
    if leads::get(pool, id, viewer)
        .await
        .or_internal("reading a lead")?
        .is_none()
    {
        return Err(not_found());
    }
    leads::add_event(pool, id, &kind, text, Some(user.0.id))
        .await
        .or_internal("adding to the timeline")?;
    leptos_axum::redirect(&format!("/crm/leads/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "crm/follow_up")]
pub async fn set_lead_follow_up(id: i64, on: String) -> Result<(), AppError> {
    use crate::{
        db::leads,
        domain::{parse_date, FormErrors},
        server::{
            crm_access::{crm_viewer, date},
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let (user, viewer) = crm_viewer().await?;
    let mut form = FormErrors::new(vec![("on".into(), on.clone())]);
    let Some(parsed) = form.check("on", parse_date(&on)) else {
        return Err(AppError::Invalid(form));
    };
    let day = match parsed {
        None => None,
        Some(parts) => match date(parts) {
            Some(day) => Some(day),
            None => {
                form.add("on", "That day does not exist in that month.");
                return Err(AppError::Invalid(form));
            }
        },
    };
    let mut tx = app_state()
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    if !leads::set_follow_up(&mut tx, id, day, viewer, user.0.id)
        .await
        .or_internal("setting a follow-up")?
    {
        return Err(not_found());
    }
    tx.commit().await.or_internal("committing the follow-up")?;
    leptos_axum::redirect(&format!("/crm/leads/{id}"));
    Ok(())
}

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
