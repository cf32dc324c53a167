//! Reading the CRM: the board of every lead the viewer may see, and one lead
//! with its timeline.

use crate::domain::{AppError, CrmBoard, LeadDetail};
use leptos::prelude::*;

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
