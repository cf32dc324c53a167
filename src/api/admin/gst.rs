//! The GST returns screen: a month's invoice totals and its CSV files.
//! Admins, and staff who manage or audit.

use crate::domain::{AppError, Paise};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GstMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub invoices: i64,
    pub taxable: Paise,
    pub cgst: Paise,
    pub sgst: Paise,
    pub igst: Paise,
    pub payable: Paise,
}

/// The totals of the invoices issued in `month` (`YYYY-MM`; blank for this month).
#[server(prefix = "/api", endpoint = "admin/load_gst_month")]
pub async fn load_gst_month(month: String) -> Result<GstMonth, AppError> {
    use crate::server::{
        auth::require_role,
        dates::{month_or_current, month_value},
        errors::{set_status, OrInternal},
        state::app_state,
    };
    let user = require_role(&[crate::domain::Role::Staff, crate::domain::Role::Admin]).await?;
    if !user.0.reads_gst_reports() {
        set_status(http::StatusCode::FORBIDDEN);
        return Err(AppError::Forbidden);
    }
    let month = month_value(month_or_current(&month));
    let t = crate::db::gst_reports::totals(&app_state().pool, &format!("{month}-01"))
        .await
        .or_internal("adding up the month's invoices")?;
    Ok(GstMonth {
        month,
        invoices: t.invoices,
        taxable: Paise(t.taxable_paise),
        cgst: Paise(t.cgst_paise),
        sgst: Paise(t.sgst_paise),
        igst: Paise(t.igst_paise),
        payable: Paise(t.payable_paise),
    })
}
