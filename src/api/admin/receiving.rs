//! Batches in and out by hand: receiving a supplier's delivery (a goods
//! receipt), adjusting or writing off a batch, and the expiry report.
//! Receiving and adjusting need an admin, or staff who manage or dispense;
//! every staff member may read.

use crate::domain::{
    AppError, BatchProductChoice, ExpiringBatch, ReceiptLineInput, ReceiptSummary, StockAlertCounts,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the receiving page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivingPage {
    pub products: Vec<BatchProductChoice>,
    pub recent: Vec<ReceiptSummary>,
    pub can_receive: bool,
}

#[server(prefix = "/api", endpoint = "admin/load_receiving")]
pub async fn load_receiving() -> Result<ReceivingPage, AppError> {
    use crate::{
        db::goods_receipts,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    let user = require_role(&[Role::Staff, Role::Admin]).await?;
    let pool = &app_state().pool;
    Ok(ReceivingPage {
        products: goods_receipts::batch_products(pool)
            .await
            .or_internal("listing batch-tracked products")?,
        recent: goods_receipts::recent(pool)
            .await
            .or_internal("listing deliveries")?,
        can_receive: user.0.keeps_stock(),
    })
}

/// Records a supplier's delivery: the supplier (created on first use), its
/// invoice number and date, and up to `MAX_LINES` lines of product, batch,
/// expiry (`YYYY-MM-DD`, or `YYYY-MM` for the month's last day), units,
/// cost and MRP. All or nothing: a wrong line is refused beside its field
/// and nothing is saved.
#[server(prefix = "/api", endpoint = "admin/receive_goods")]
pub async fn receive_goods(
    supplier: String,
    gstin: String,
    invoice_number: String,
    invoice_date: String,
    #[server(default)] lines: Vec<ReceiptLineInput>,
) -> Result<(), AppError> {
    use crate::{
        domain::Role,
        server::{
            auth::require_role,
            errors::OrInternal,
            receiving::{check_receipt, require_stock_keeper, save},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Staff, Role::Admin]).await?;
    require_stock_keeper(&user)?;
    let receipt = check_receipt(&supplier, &gstin, &invoice_number, &invoice_date, &lines)?;
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let id = save(&mut tx, &user, &receipt).await?;
    tx.commit().await.or_internal("saving the delivery")?;
    leptos_axum::redirect(&format!("/admin/receiving?received={id}"));
    Ok(())
}

/// Adds (or with a minus sign removes) units of one batch, with a reason
/// from `BATCH_ADJUSTMENT_REASONS`.
#[server(prefix = "/api", endpoint = "admin/adjust_batch")]
pub async fn adjust_batch(
    product_id: i32,
    batch_id: i32,
    quantity: String,
    reason: String,
    note: String,
) -> Result<(), AppError> {
    use crate::{
        db::{
            batches,
            stock::{self, StockReason},
        },
        domain::{check_adjustment, Adjustment, Role, BATCH_ADJUSTMENT_REASONS},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            receiving::require_stock_keeper,
            state::app_state,
        },
    };
    let user = require_role(&[Role::Staff, Role::Admin]).await?;
    require_stock_keeper(&user)?;
    let Adjustment {
        delta,
        note,
        mut form,
    } = check_adjustment(
        &quantity,
        &reason,
        &note,
        &BATCH_ADJUSTMENT_REASONS,
        "Choose why the batch changes.",
    )?;
    let mut tx = app_state()
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    stock::set_reason(
        &mut tx,
        StockReason {
            reason: &reason,
            order_id: None,
            actor_id: Some(user.0.id),
            note: &note,
        },
    )
    .await
    .or_internal("recording the reason")?;
    let Some(before) = batches::quantity(&mut *tx, product_id, batch_id)
        .await
        .or_internal("reading the batch")?
    else {
        return Err(not_found());
    };
    let Some(after) = batches::adjust(&mut tx, product_id, batch_id, delta)
        .await
        .or_internal("adjusting the batch")?
    else {
        form.add(
            "quantity",
            format!("Only {before} in this batch: you cannot remove more than that."),
        );
        return Err(AppError::Invalid(form));
    };
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "batch.adjusted",
            entity: "product",
            entity_id: product_id.to_string(),
            before: Some(serde_json::json!({ "batch_id": batch_id, "quantity": before })),
            after: Some(serde_json::json!({
                "batch_id": batch_id, "quantity": after, "reason": reason, "note": note
            })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the adjustment")?;
    leptos_axum::redirect(&format!("/admin/products/{product_id}?adjusted=1#batches"));
    Ok(())
}

/// Batches that have expired or expire within the near-expiry window.
#[server(prefix = "/api", endpoint = "admin/expiry_report")]
pub async fn expiry_report() -> Result<Vec<ExpiringBatch>, AppError> {
    use crate::{
        db::batches,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Staff, Role::Admin]).await?;
    batches::expiring(&app_state().pool)
        .await
        .or_internal("reading expiring batches")
}

/// The staff header's counts: near expiry, expired, low stock.
#[server(prefix = "/api", endpoint = "admin/load_stock_alerts")]
pub async fn load_stock_alerts() -> Result<StockAlertCounts, AppError> {
    use crate::{
        db::batches,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Staff, Role::Admin]).await?;
    batches::alert_counts(&app_state().pool)
        .await
        .or_internal("counting stock alerts")
}
