//! A month's GST figures, read from the issued invoices: the sales register
//! and the sections of a GSTR-1 style return (B2B by the buyer's GSTIN, B2C
//! by place of supply and rate, the HSN summary by rate). Every figure is a
//! sum of invoice lines, so the sections reconcile with the invoices to the
//! paisa. `month` is its first day, `YYYY-MM-01`.

use sqlx::PgExecutor;

pub struct RegisterRow {
    pub number: String,
    pub issued_on: String,
    pub order_reference: String,
    pub recipient_name: String,
    pub recipient_gstin: Option<String>,
    pub place_of_supply: String,
    pub taxable_paise: i64,
    pub cgst_paise: i64,
    pub sgst_paise: i64,
    pub igst_paise: i64,
    pub total_paise: i64,
    pub round_off_paise: i64,
    pub payable_paise: i64,
}

pub async fn sales_register(
    db: impl PgExecutor<'_>,
    month: &str,
) -> sqlx::Result<Vec<RegisterRow>> {
    sqlx::query_as!(
        RegisterRow,
        r#"SELECT i.number, i.issued_on::text AS "issued_on!", o.reference AS order_reference,
                  i.recipient_name, i.recipient_gstin,
                  concat_ws('-', i.place_of_supply_code, nullif(i.place_of_supply, '')) AS "place_of_supply!",
                  i.taxable_paise, i.cgst_paise, i.sgst_paise, i.igst_paise, i.total_paise,
                  i.round_off_paise, i.payable_paise
           FROM invoices i JOIN orders o ON o.id = i.order_id
           WHERE i.issued_on >= $1::text::date AND i.issued_on < $1::text::date + interval '1 month'
           ORDER BY i.financial_year, i.sequence"#,
        month
    )
    .fetch_all(db)
    .await
}

/// Tax at one rate: the unit every section sums to.
pub struct TaxAtRate {
    pub rate: i16,
    pub taxable_paise: i64,
    pub cgst_paise: i64,
    pub sgst_paise: i64,
    pub igst_paise: i64,
}

/// A row's `rate, taxable, cgst, sgst, igst` (as every section selects them).
macro_rules! tax_at_rate {
    ($r:expr) => {
        TaxAtRate {
            rate: $r.rate,
            taxable_paise: $r.taxable,
            cgst_paise: $r.cgst,
            sgst_paise: $r.sgst,
            igst_paise: $r.igst,
        }
    };
}

pub struct B2bRow {
    pub recipient_gstin: String,
    pub recipient_name: String,
    pub number: String,
    pub issued_on: String,
    pub invoice_value_paise: i64,
    pub place_of_supply: String,
    pub tax: TaxAtRate,
}

/// Invoices to buyers with a GSTIN, one row per invoice and rate.
pub async fn b2b(db: impl PgExecutor<'_>, month: &str) -> sqlx::Result<Vec<B2bRow>> {
    let rows = sqlx::query!(
        r#"SELECT i.recipient_gstin AS "gstin!", i.recipient_name, i.number, i.issued_on::text AS "issued_on!",
                  i.payable_paise,
                  concat_ws('-', i.place_of_supply_code, nullif(i.place_of_supply, '')) AS "place!",
                  l.rate, sum(l.taxable_paise)::bigint AS "taxable!", sum(l.cgst_paise)::bigint AS "cgst!",
                  sum(l.sgst_paise)::bigint AS "sgst!", sum(l.igst_paise)::bigint AS "igst!"
           FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
           WHERE i.recipient_gstin IS NOT NULL
             AND i.issued_on >= $1::text::date AND i.issued_on < $1::text::date + interval '1 month'
           GROUP BY i.id, l.rate ORDER BY i.financial_year, i.sequence, l.rate"#,
        month
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| B2bRow {
            recipient_gstin: r.gstin,
            recipient_name: r.recipient_name,
            number: r.number,
            issued_on: r.issued_on,
            invoice_value_paise: r.payable_paise,
            place_of_supply: r.place,
            tax: tax_at_rate!(r),
        })
        .collect())
}

pub struct B2cRow {
    pub place_of_supply: String,
    pub inter_state: bool,
    pub tax: TaxAtRate,
}

/// Sales to consumers (no GSTIN), by place of supply and rate.
pub async fn b2c(db: impl PgExecutor<'_>, month: &str) -> sqlx::Result<Vec<B2cRow>> {
    let rows = sqlx::query!(
        r#"SELECT concat_ws('-', i.place_of_supply_code, nullif(i.place_of_supply, '')) AS "place!",
                  i.inter_state, l.rate, sum(l.taxable_paise)::bigint AS "taxable!",
                  sum(l.cgst_paise)::bigint AS "cgst!", sum(l.sgst_paise)::bigint AS "sgst!",
                  sum(l.igst_paise)::bigint AS "igst!"
           FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
           WHERE i.recipient_gstin IS NULL
             AND i.issued_on >= $1::text::date AND i.issued_on < $1::text::date + interval '1 month'
           GROUP BY 1, i.inter_state, l.rate ORDER BY 1, l.rate"#,
        month
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| B2cRow {
            place_of_supply: r.place,
            inter_state: r.inter_state,
            tax: tax_at_rate!(r),
        })
        .collect())
}

pub struct HsnRow {
    pub hsn: String,
    pub description: String,
    pub quantity: i64,
    pub tax: TaxAtRate,
}

/// Every invoice line by HSN code and rate.
pub async fn hsn_summary(db: impl PgExecutor<'_>, month: &str) -> sqlx::Result<Vec<HsnRow>> {
    let rows = sqlx::query!(
        r#"SELECT l.hsn, min(l.description) AS "description!", sum(l.quantity)::bigint AS "quantity!",
                  l.rate, sum(l.taxable_paise)::bigint AS "taxable!", sum(l.cgst_paise)::bigint AS "cgst!",
                  sum(l.sgst_paise)::bigint AS "sgst!", sum(l.igst_paise)::bigint AS "igst!"
           FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
           WHERE i.issued_on >= $1::text::date AND i.issued_on < $1::text::date + interval '1 month'
           GROUP BY l.hsn, l.rate ORDER BY l.hsn, l.rate"#,
        month
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| HsnRow {
            hsn: r.hsn,
            description: r.description,
            quantity: r.quantity,
            tax: tax_at_rate!(r),
        })
        .collect())
}

pub struct MonthTotals {
    pub invoices: i64,
    pub taxable_paise: i64,
    pub cgst_paise: i64,
    pub sgst_paise: i64,
    pub igst_paise: i64,
    pub payable_paise: i64,
}

/// The month's invoices added up.
pub async fn totals(db: impl PgExecutor<'_>, month: &str) -> sqlx::Result<MonthTotals> {
    sqlx::query_as!(
        MonthTotals,
        r#"SELECT count(*) AS "invoices!", coalesce(sum(taxable_paise), 0)::bigint AS "taxable_paise!",
                  coalesce(sum(cgst_paise), 0)::bigint AS "cgst_paise!",
                  coalesce(sum(sgst_paise), 0)::bigint AS "sgst_paise!",
                  coalesce(sum(igst_paise), 0)::bigint AS "igst_paise!",
                  coalesce(sum(payable_paise), 0)::bigint AS "payable_paise!"
           FROM invoices i
           WHERE i.issued_on >= $1::text::date AND i.issued_on < $1::text::date + interval '1 month'"#,
        month
    )
    .fetch_one(db)
    .await
}
