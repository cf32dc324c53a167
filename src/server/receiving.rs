//! Receiving a supplier's delivery: every field checked first, each wrong
//! one named beside it with what was typed kept, then the whole receipt
//! saved in the caller's transaction (or, on a refused line, none of it).

use super::{
    audit::{self, Change},
    auth::SessionUser,
    errors::{set_status, OrInternal},
};
use crate::{
    db::{
        goods_receipts::{self, LineRefused, ReceivedLine},
        stock::{self, StockReason},
    },
    domain::{parse_batch_no, parse_rupees, AppError, Date, FormErrors, Gstin, ReceiptLineInput},
};
use sqlx::PgConnection;

/// More lines than a delivery note has; the form shows fewer.
pub const MAX_LINES: usize = 50;

/// Receiving and adjusting batches: admins, and staff who manage stock or
/// dispense (or have no sub-role yet); sales and auditors only read.
pub fn require_stock_keeper(user: &SessionUser) -> Result<(), AppError> {
    if user.0.keeps_stock() {
        Ok(())
    } else {
        set_status(http::StatusCode::FORBIDDEN);
        Err(AppError::Forbidden)
    }
}

pub struct CheckedLine {
    /// The line's position in the form, for naming its fields.
    pub index: usize,
    pub product_id: i32,
    pub batch_no: String,
    pub expires_on: String,
    pub quantity: i32,
    pub cost_paise: i64,
    pub mrp_paise: i64,
}

pub struct CheckedReceipt {
    pub supplier: String,
    pub gstin: Option<String>,
    pub invoice_number: String,
    pub invoice_date: String,
    pub lines: Vec<CheckedLine>,
    /// The form as typed, to give back with an error found while saving.
    pub form: FormErrors,
}

pub fn line_field(index: usize, name: &str) -> String {
    format!("lines[{index}][{name}]")
}

pub fn check_receipt(
    supplier: &str,
    gstin: &str,
    invoice_number: &str,
    invoice_date: &str,
    lines: &[ReceiptLineInput],
) -> Result<CheckedReceipt, AppError> {
    let mut values = vec![
        ("supplier".to_string(), supplier.to_string()),
        ("gstin".to_string(), gstin.to_string()),
        ("invoice_number".to_string(), invoice_number.to_string()),
        ("invoice_date".to_string(), invoice_date.to_string()),
    ];
    for (i, line) in lines.iter().enumerate().take(MAX_LINES) {
        for (name, value) in [
            ("product_id", &line.product_id),
            ("batch_no", &line.batch_no),
            ("expires_on", &line.expires_on),
            ("quantity", &line.quantity),
            ("cost", &line.cost),
            ("mrp", &line.mrp),
        ] {
            values.push((line_field(i, name), value.clone()));
        }
    }
    let mut form = FormErrors::new(values);
    let supplier = supplier.trim();
    if supplier.is_empty() || supplier.chars().count() > 120 {
        form.add(
            "supplier",
            "Enter the supplier's name (up to 120 characters).",
        );
    }
    let gstin = form
        .check("gstin", Gstin::parse_optional(gstin))
        .flatten()
        .map(|g| g.as_str().to_string());
    let invoice_number = invoice_number.trim();
    if invoice_number.is_empty() || invoice_number.chars().count() > 40 {
        form.add(
            "invoice_number",
            "Enter the number on the supplier's invoice (up to 40 characters).",
        );
    }
    let invoice_date = Date::parse(invoice_date).filter(|_| invoice_date.trim().len() == 10);
    if invoice_date.is_none() {
        form.add("invoice_date", "Enter the invoice's date, e.g. 2026-12-01.");
    }
    if lines.len() > MAX_LINES {
        form.message = Some(format!(
            "A receipt holds at most {MAX_LINES} lines: record the rest as a second receipt."
        ));
    }
    let mut checked = Vec::new();
    for (index, line) in lines.iter().enumerate().take(MAX_LINES) {
        if line.is_blank() {
            continue;
        }
        if let Some(line) = check_line(&mut form, index, line) {
            checked.push(line);
        }
    }
    if checked.is_empty() && form.fields.iter().all(|(f, _)| !f.starts_with("lines[")) {
        form.add(
            &line_field(0, "product_id"),
            "Add at least one line: the product received.",
        );
    }
    for (n, line) in checked.iter().enumerate() {
        let repeated = checked[..n].iter().any(|earlier| {
            earlier.product_id == line.product_id && earlier.batch_no == line.batch_no
        });
        if repeated {
            form.add(
                &line_field(line.index, "batch_no"),
                "This batch is on an earlier line: put its units on one line.",
            );
        }
    }
    if !form.is_empty() {
        return Err(AppError::Invalid(form));
    }
    Ok(CheckedReceipt {
        supplier: supplier.to_string(),
        gstin,
        invoice_number: invoice_number.to_string(),
        invoice_date: invoice_date.map(|d| d.iso()).unwrap_or_default(),
        lines: checked,
        form,
    })
}

fn check_line(form: &mut FormErrors, index: usize, line: &ReceiptLineInput) -> Option<CheckedLine> {
    let field = |name| line_field(index, name);
    let product_id = form.check(
        &field("product_id"),
        line.product_id
            .trim()
            .parse::<i32>()
            .map_err(|_| "Choose the product.".to_string()),
    );
    let batch_no = form.check(&field("batch_no"), parse_batch_no(&line.batch_no));
    let expires_on = form.check(
        &field("expires_on"),
        Date::parse(&line.expires_on)
            .ok_or_else(|| "Enter the expiry as on the pack, e.g. 2027-03 or 2027-03-31.".into()),
    );
    let quantity = form.check(
        &field("quantity"),
        line.quantity
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=1_000_000).contains(n))
            .ok_or_else(|| "Enter the units received, a whole number above zero.".to_string()),
    );
    let cost = form.check(&field("cost"), parse_rupees(&line.cost));
    let mrp = form.check(&field("mrp"), parse_rupees(&line.mrp));
    if let (Some(cost), Some(mrp)) = (cost, mrp) {
        if cost.0 > mrp.0 {
            form.add(&field("cost"), "The cost is above the MRP: check both.");
        }
    }
    Some(CheckedLine {
        index,
        product_id: product_id?,
        batch_no: batch_no?,
        expires_on: expires_on?.iso(),
        quantity: quantity?,
        cost_paise: cost?.0,
        mrp_paise: mrp?.0,
    })
}

/// Saves a checked receipt; returns its id. An error leaves the caller's
/// transaction to be rolled back.
pub async fn save(
    tx: &mut PgConnection,
    user: &SessionUser,
    receipt: &CheckedReceipt,
) -> Result<i64, AppError> {
    let refuse = |field: String, message: String| {
        let mut form = receipt.form.clone();
        form.add(&field, message);
        AppError::Invalid(form)
    };
    let supplier_id =
        goods_receipts::upsert_supplier(&mut *tx, &receipt.supplier, receipt.gstin.as_deref())
            .await
            .or_internal("saving the supplier")?;
    let Some(id) = goods_receipts::insert(
        &mut *tx,
        supplier_id,
        &receipt.invoice_number,
        &receipt.invoice_date,
        user.0.id,
    )
    .await
    .or_internal("saving the receipt")?
    else {
        return Err(refuse(
            "invoice_number".into(),
            "This supplier's invoice was already received.".into(),
        ));
    };
    let mut products: Vec<i32> = receipt.lines.iter().map(|l| l.product_id).collect();
    products.sort_unstable();
    products.dedup();
    crate::db::batches::lock_products(&mut *tx, &products)
        .await
        .or_internal("locking the products")?;
    let note = format!("Invoice {} of {}", receipt.invoice_number, receipt.supplier);
    stock::set_reason(
        &mut *tx,
        StockReason {
            reason: "received",
            order_id: None,
            actor_id: Some(user.0.id),
            note: &note,
        },
    )
    .await
    .or_internal("recording the reason")?;
    for line in &receipt.lines {
        let outcome = goods_receipts::receive_line(
            &mut *tx,
            id,
            &ReceivedLine {
                product_id: line.product_id,
                batch_no: &line.batch_no,
                expires_on: &line.expires_on,
                quantity: line.quantity,
                cost_paise: line.cost_paise,
                mrp_paise: line.mrp_paise,
            },
        )
        .await
        .or_internal("receiving a line")?;
        match outcome {
            Ok(()) => {}
            Err(LineRefused::NotBatchTracked) => {
                return Err(refuse(
                    line_field(line.index, "product_id"),
                    "Choose a product kept in batches.".into(),
                ));
            }
            Err(LineRefused::Expired) => {
                return Err(refuse(
                    line_field(line.index, "expires_on"),
                    "This batch has expired: it cannot be sold, so do not receive it.".into(),
                ));
            }
            Err(LineRefused::Differs(expires, mrp)) => {
                return Err(refuse(
                    line_field(line.index, "batch_no"),
                    format!(
                        "Batch {} is already recorded with expiry {expires} and MRP {}: check the batch number, expiry and MRP.",
                        line.batch_no,
                        mrp
                    ),
                ));
            }
        }
    }
    audit::record(
        &mut *tx,
        user,
        Change {
            action: "goods.received",
            entity: "goods_receipt",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "supplier": receipt.supplier,
                "invoice_number": receipt.invoice_number,
                "lines": receipt.lines.len(),
            })),
        },
    )
    .await
    .or_internal("recording the change")?;
    Ok(id)
}
