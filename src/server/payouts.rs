//! Payout statements as the screens show them, and the CSV the bank's
//! bulk-payment upload takes: `GET /admin/payouts.csv?month=YYYY-MM`, admins
//! only, unpaid statements.

use super::{
    auth::AuthSession,
    csv_cells::{cell, rupees},
    dates::{month_or_current, month_value},
    state::AppState,
};
use crate::{
    db::payouts::{self, StatementRow},
    domain::{Paise, Role, StatementView},
};
use axum::{
    extract::{Query, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

pub fn view(row: StatementRow) -> StatementView {
    StatementView {
        id: row.id,
        partner_name: row.partner_name,
        partner_email: row.partner_email,
        referral_code: row.referral_code,
        upi_id: row.upi_id,
        month: row.month,
        amount: Paise(row.amount_paise),
        status: row.status,
        utr: row.utr,
        commissions: row.commissions,
    }
}

#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

pub async fn download(
    auth: AuthSession,
    State(state): State<AppState>,
    Query(query): Query<MonthQuery>,
) -> Response {
    match auth.user.as_ref().map(|u| u.0.role()) {
        Some(Role::Admin) => {}
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
        None => return axum::response::Redirect::to("/login?next=/admin/payouts").into_response(),
    }
    let month = month_or_current(&query.month);
    let rows = match payouts::for_month(&state.pool, month).await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!(error = %e, "listing statements for the CSV");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match to_csv(&rows) {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"payouts-{}.csv\"",
                        month_value(month)
                    ),
                ),
            ],
            body,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "writing the payouts CSV");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// One line per unpaid statement: whom to pay, where, how much (rupees with
/// paise), and a narration the partner will recognise.
pub fn to_csv(rows: &[StatementRow]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "statement_id",
        "beneficiary_name",
        "upi_id",
        "amount_inr",
        "narration",
        "email",
    ])?;
    for row in rows
        .iter()
        .filter(|r| r.status == "statement" && r.amount_paise > 0)
    {
        out.write_record([
            row.id.to_string(),
            cell(&row.partner_name),
            cell(&row.upi_id),
            rupees(row.amount_paise),
            format!("Commission {} {}", row.month, row.referral_code),
            cell(&row.partner_email),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}
