//! Working a lead: its stage, its owner, its timeline and its follow-up.

use crate::domain::AppError;
use leptos::prelude::*;

pub const LOST_NEEDS_REASON: &str = "Say why the lead was lost.";
pub const ONLY_STAFF_CLOSE: &str =
    "Only the shop's sales team can mark a lead won or lost. Tell them how it went.";

/// Moves a lead to another stage (a reason is needed for "lost"). A won
/// lead a partner brought earns them the programme's fixed reward, so only
/// staff may set won or lost, and a partner cannot move a closed lead.
#[server(prefix = "/api", endpoint = "crm/move_lead")]
pub async fn move_lead(
    id: i64,
    stage: String,
    #[server(default)] lost_reason: String,
    #[server(default)] back_to: String,
) -> Result<(), AppError> {
    use crate::{
        db::{
            commissions,
            leads::{self, Viewer},
        },
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
    if matches!(viewer, Viewer::Partner(_)) && stage.is_closed() {
        form.add(&field, ONLY_STAFF_CLOSE);
        return Err(AppError::Invalid(form));
    }
    let reason = lost_reason.trim();
    if stage == LeadStage::Lost && reason.is_empty() {
        form.add(&format!("lost_reason-{id}"), LOST_NEEDS_REASON);
        return Err(AppError::Invalid(form));
    }
    if reason.chars().count() > 500 {
        form.add(
            &format!("lost_reason-{id}"),
            "Keep the reason under 500 characters.",
        );
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
    if stage == LeadStage::Won && viewer == Viewer::Staff {
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
            crm_access::crm_viewer,
            dates::date,
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
