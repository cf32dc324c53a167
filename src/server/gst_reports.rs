//! The month's GST figures as CSV files for the accountant:
//! `GET /admin/gst/{report}.csv?month=YYYY-MM` where `report` is
//! `sales-register`, `b2b`, `b2c` or `hsn`. Admins, and staff who manage
//! or audit.

use super::{
    auth::AuthSession,
    csv_cells::{cell, rupees},
    dates::{month_or_current, month_value},
    state::AppState,
};
use crate::db::gst_reports::{self, TaxAtRate};
use axum::{
    extract::{Path, Query, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

pub async fn download(
    auth: AuthSession,
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<MonthQuery>,
) -> Response {
    match auth.user.as_ref() {
        Some(user) if user.0.reads_gst_reports() => {}
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
        None => return axum::response::Redirect::to("/login?next=/admin/gst").into_response(),
    }
    let Some(report) = file.strip_suffix(".csv") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let month = month_value(month_or_current(&query.month));
    let first_day = format!("{month}-01");
    let body = match report {
        "sales-register" => sales_register(&state, &first_day).await,
        "b2b" => b2b(&state, &first_day).await,
        "b2c" => b2c(&state, &first_day).await,
        "hsn" => hsn(&state, &first_day).await,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    match body {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"gst-{report}-{month}.csv\""),
                ),
            ],
            body,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, report, "writing a GST report");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

type Csv = Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>>;

fn finish(out: csv::Writer<Vec<u8>>) -> Csv {
    Ok(out.into_inner().map_err(|e| e.into_error())?)
}

fn tax_cells(tax: &TaxAtRate) -> [String; 5] {
    [
        tax.rate.to_string(),
        rupees(tax.taxable_paise),
        rupees(tax.igst_paise),
        rupees(tax.cgst_paise),
        rupees(tax.sgst_paise),
    ]
}

const TAX_HEADERS: [&str; 5] = ["rate_percent", "taxable_value", "igst", "cgst", "sgst"];

async fn sales_register(state: &AppState, month: &str) -> Csv {
    let rows = gst_reports::sales_register(&state.pool, month).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "invoice_number",
        "invoice_date",
        "order",
        "recipient",
        "recipient_gstin",
        "place_of_supply",
        "taxable_value",
        "igst",
        "cgst",
        "sgst",
        "total",
        "round_off",
        "payable",
    ])?;
    for r in rows {
        out.write_record([
            r.number,
            r.issued_on,
            r.order_reference,
            cell(&r.recipient_name),
            r.recipient_gstin.unwrap_or_default(),
            cell(&r.place_of_supply),
            rupees(r.taxable_paise),
            rupees(r.igst_paise),
            rupees(r.cgst_paise),
            rupees(r.sgst_paise),
            rupees(r.total_paise),
            rupees(r.round_off_paise),
            rupees(r.payable_paise),
        ])?;
    }
    finish(out)
}

async fn b2b(state: &AppState, month: &str) -> Csv {
    let rows = gst_reports::b2b(&state.pool, month).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut headers = vec![
        "recipient_gstin",
        "recipient",
        "invoice_number",
        "invoice_date",
        "invoice_value",
        "place_of_supply",
        "reverse_charge",
    ];
    headers.extend(TAX_HEADERS);
    out.write_record(&headers)?;
    for r in rows {
        let mut record = vec![
            r.recipient_gstin,
            cell(&r.recipient_name),
            r.number,
            r.issued_on,
            rupees(r.invoice_value_paise),
            cell(&r.place_of_supply),
            "N".to_string(),
        ];
        record.extend(tax_cells(&r.tax));
        out.write_record(&record)?;
    }
    finish(out)
}

async fn b2c(state: &AppState, month: &str) -> Csv {
    let rows = gst_reports::b2c(&state.pool, month).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut headers = vec!["place_of_supply", "supply_type"];
    headers.extend(TAX_HEADERS);
    out.write_record(&headers)?;
    for r in rows {
        let mut record = vec![
            cell(&r.place_of_supply),
            if r.inter_state {
                "Inter-State"
            } else {
                "Intra-State"
            }
            .to_string(),
        ];
        record.extend(tax_cells(&r.tax));
        out.write_record(&record)?;
    }
    finish(out)
}

async fn hsn(state: &AppState, month: &str) -> Csv {
    let rows = gst_reports::hsn_summary(&state.pool, month).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut headers = vec!["hsn", "description", "uqc", "total_quantity", "total_value"];
    headers.extend(TAX_HEADERS);
    out.write_record(&headers)?;
    for r in rows {
        let t = &r.tax;
        let value = t.taxable_paise + t.igst_paise + t.cgst_paise + t.sgst_paise;
        let mut record = vec![
            r.hsn,
            cell(&r.description),
            "NOS".to_string(),
            r.quantity.to_string(),
            rupees(value),
        ];
        record.extend(tax_cells(t));
        out.write_record(&record)?;
    }
    finish(out)
}
