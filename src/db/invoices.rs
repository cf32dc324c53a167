//! Reading issued GST invoices (the database issues them: see
//! `migrations/*_invoices.sql`).

use crate::domain::{InvoiceLine, InvoiceView, Paise};
use sqlx::PgExecutor;

/// The invoice of an order, with its lines; `None` before it is issued.
pub async fn for_order(
    db: impl PgExecutor<'_> + Copy,
    order_id: i64,
) -> sqlx::Result<Option<InvoiceView>> {
    let Some(i) = sqlx::query!(
        r#"SELECT i.id, i.number, to_char(i.issued_on, 'DD Mon YYYY') AS "issued_on!", o.reference,
                  i.supplier_name, i.supplier_address, i.supplier_gstin, i.supplier_state,
                  i.supplier_state_code, i.recipient_name, i.recipient_address, i.recipient_gstin,
                  i.place_of_supply, i.place_of_supply_code, i.inter_state, i.taxable_paise,
                  i.cgst_paise, i.sgst_paise, i.igst_paise, i.total_paise, i.round_off_paise,
                  i.payable_paise
           FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.order_id = $1"#,
        order_id
    )
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    let lines = sqlx::query!(
        "SELECT line_no, description, hsn, quantity, unit, rate, unit_price_paise, taxable_paise,
                cgst_paise, sgst_paise, igst_paise
         FROM invoice_lines WHERE invoice_id = $1 ORDER BY line_no",
        i.id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|l| InvoiceLine {
        line_no: l.line_no,
        description: l.description,
        hsn: l.hsn,
        quantity: l.quantity,
        unit: l.unit,
        rate: l.rate,
        unit_price: Paise(l.unit_price_paise),
        taxable: Paise(l.taxable_paise),
        cgst: Paise(l.cgst_paise),
        sgst: Paise(l.sgst_paise),
        igst: Paise(l.igst_paise),
    })
    .collect();
    Ok(Some(InvoiceView {
        number: i.number,
        issued_on: i.issued_on,
        order_reference: i.reference,
        supplier_name: i.supplier_name,
        supplier_address: i.supplier_address,
        supplier_gstin: i.supplier_gstin,
        supplier_state: i.supplier_state,
        supplier_state_code: i.supplier_state_code,
        recipient_name: i.recipient_name,
        recipient_address: i.recipient_address,
        recipient_gstin: i.recipient_gstin,
        place_of_supply: i.place_of_supply,
        place_of_supply_code: i.place_of_supply_code,
        inter_state: i.inter_state,
        lines,
        taxable: Paise(i.taxable_paise),
        cgst: Paise(i.cgst_paise),
        sgst: Paise(i.sgst_paise),
        igst: Paise(i.igst_paise),
        total: Paise(i.total_paise),
        round_off: Paise(i.round_off_paise),
        payable: Paise(i.payable_paise),
    }))
}

/// The number of the order's invoice, once issued.
pub async fn number_for_order(
    db: impl PgExecutor<'_>,
    order_id: i64,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!("SELECT number FROM invoices WHERE order_id = $1", order_id)
        .fetch_optional(db)
        .await
}
