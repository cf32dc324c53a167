//! Suppliers and goods receipts: a supplier's delivery brings units into
//! batches (new ones, or more of a batch already on the shelf).

use crate::domain::{BatchProductChoice, Paise, ReceiptSummary};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// The supplier with this name, created (or given its GSTIN) as needed.
pub async fn upsert_supplier(
    tx: &mut PgConnection,
    name: &str,
    gstin: Option<&str>,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "INSERT INTO suppliers (name, gstin) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET gstin = coalesce(EXCLUDED.gstin, suppliers.gstin)
         RETURNING id",
        name,
        gstin
    )
    .fetch_one(&mut *tx)
    .await
}

/// A new receipt; `None` when this supplier's invoice was received before.
pub async fn insert(
    tx: &mut PgConnection,
    supplier_id: i32,
    invoice_number: &str,
    invoice_date: &str,
    received_by: Uuid,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        "INSERT INTO goods_receipts (supplier_id, invoice_number, invoice_date, received_by)
         VALUES ($1, $2, $3::text::date, $4)
         ON CONFLICT (supplier_id, invoice_number) DO NOTHING RETURNING id",
        supplier_id,
        invoice_number,
        invoice_date,
        received_by
    )
    .fetch_optional(&mut *tx)
    .await
}

/// One received line, checked.
pub struct ReceivedLine<'a> {
    pub product_id: i32,
    pub batch_no: &'a str,
    pub expires_on: &'a str,
    pub quantity: i32,
    pub cost_paise: i64,
    pub mrp_paise: i64,
}

/// Why a line could not be received.
pub enum LineRefused {
    /// The product is not batch-tracked (or does not exist).
    NotBatchTracked,
    /// The expiry date is today or past (Asia/Kolkata): never sellable.
    Expired,
    /// The batch is already on record with another expiry or MRP:
    /// `(expiry as DD Mon YYYY, MRP)`.
    Differs(String, Paise),
}

/// Adds a line's units to its batch (created when new) and records the
/// line on the receipt. The ledger entry comes from the batch's trigger.
pub async fn receive_line(
    tx: &mut PgConnection,
    receipt_id: i64,
    line: &ReceivedLine<'_>,
) -> sqlx::Result<Result<(), LineRefused>> {
    let tracked = sqlx::query_scalar!(
        "SELECT batch_tracked FROM products WHERE id = $1",
        line.product_id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if tracked != Some(true) {
        return Ok(Err(LineRefused::NotBatchTracked));
    }
    let expired = sqlx::query_scalar!(
        r#"SELECT $1::text::date <= kolkata_today() AS "expired!""#,
        line.expires_on
    )
    .fetch_one(&mut *tx)
    .await?;
    if expired {
        return Ok(Err(LineRefused::Expired));
    }
    let existing = sqlx::query!(
        r#"SELECT id, mrp_paise, expires_on = $3::text::date AS "same_expiry!",
                  to_char(expires_on, 'DD Mon YYYY') AS "expires!"
           FROM product_batches WHERE product_id = $1 AND batch_no = $2 FOR UPDATE"#,
        line.product_id,
        line.batch_no,
        line.expires_on
    )
    .fetch_optional(&mut *tx)
    .await?;
    let batch_id = match existing {
        Some(batch) if !batch.same_expiry || batch.mrp_paise != line.mrp_paise => {
            return Ok(Err(LineRefused::Differs(
                batch.expires,
                Paise(batch.mrp_paise),
            )));
        }
        Some(batch) => {
            sqlx::query!(
                "UPDATE product_batches SET quantity = quantity + $2, cost_paise = $3 WHERE id = $1",
                batch.id,
                line.quantity,
                line.cost_paise
            )
            .execute(&mut *tx)
            .await?;
            batch.id
        }
        None => {
            sqlx::query_scalar!(
                "INSERT INTO product_batches (product_id, batch_no, expires_on, mrp_paise, cost_paise, quantity)
                 VALUES ($1, $2, $3::text::date, $4, $5, $6) RETURNING id",
                line.product_id,
                line.batch_no,
                line.expires_on,
                line.mrp_paise,
                line.cost_paise,
                line.quantity
            )
            .fetch_one(&mut *tx)
            .await?
        }
    };
    sqlx::query!(
        "INSERT INTO goods_receipt_lines (receipt_id, batch_id, quantity, cost_paise)
         VALUES ($1, $2, $3, $4)",
        receipt_id,
        batch_id,
        line.quantity,
        line.cost_paise
    )
    .execute(&mut *tx)
    .await?;
    Ok(Ok(()))
}

/// The products that can be received in batches, by name.
pub async fn batch_products(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<BatchProductChoice>> {
    sqlx::query_as!(
        BatchProductChoice,
        r#"SELECT id, name || ' (' || sku || ')' AS "label!" FROM products
           WHERE batch_tracked ORDER BY name LIMIT 2000"#
    )
    .fetch_all(db)
    .await
}

/// The latest deliveries first.
pub async fn recent(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<ReceiptSummary>> {
    let rows = sqlx::query!(
        r#"SELECT r.id, s.name AS supplier, r.invoice_number,
                  to_char(r.invoice_date, 'DD Mon YYYY') AS "invoice_date!",
                  to_char(r.received_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "received_at!",
                  count(l.batch_id) AS "lines!", coalesce(sum(l.quantity), 0)::bigint AS "units!",
                  coalesce(sum(l.quantity::bigint * l.cost_paise), 0)::bigint AS "cost!"
           FROM goods_receipts r JOIN suppliers s ON s.id = r.supplier_id
           LEFT JOIN goods_receipt_lines l ON l.receipt_id = r.id
           GROUP BY r.id, s.name ORDER BY r.id DESC LIMIT 50"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ReceiptSummary {
            id: r.id,
            supplier: r.supplier,
            invoice_number: r.invoice_number,
            invoice_date: r.invoice_date,
            received_at: r.received_at,
            lines: r.lines,
            units: r.units,
            cost: Paise(r.cost),
        })
        .collect())
}
