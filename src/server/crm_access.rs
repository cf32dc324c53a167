//! Who works the CRM, and as whom: admins and staff who sell or manage see
//! every lead; partners see their own. Everyone else is refused.

use super::auth::{require_role, SessionUser};
use crate::{
    db::leads::{LeadRow, Viewer},
    domain::{AppError, LeadCard, LeadStage, Paise, Role},
};

/// The first line of every CRM server function.
pub async fn crm_viewer() -> Result<(SessionUser, Viewer), AppError> {
    let user = require_role(&[Role::Partner, Role::Staff, Role::Admin]).await?;
    if user.0.role() == Role::Partner {
        let id = user.0.id;
        return Ok((user, Viewer::Partner(id)));
    }
    if user.0.works_leads() {
        return Ok((user, Viewer::Staff));
    }
    super::errors::set_status(http::StatusCode::FORBIDDEN);
    Err(AppError::Forbidden)
}

pub fn card(row: LeadRow) -> LeadCard {
    LeadCard {
        id: row.id,
        name: row.name,
        company: row.company,
        city: row.city,
        mobile: row.mobile,
        email: row.email,
        source: row.source,
        interest: row.interest,
        estimated_value: row.estimated_value_paise.map(Paise),
        stage: LeadStage::parse(&row.stage).unwrap_or(LeadStage::New),
        lost_reason: row.lost_reason,
        assignee: row.assignee_name,
        assignee_id: row.assigned_to.map(|id| id.to_string()),
        submitted_by: row.submitted_by_name,
        follow_up_on: row.follow_up_on,
        follow_up_due: row.follow_up_due,
        is_customer: row.customer_id.is_some(),
    }
}
