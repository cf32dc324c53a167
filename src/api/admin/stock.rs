//! Stock adjustments by hand, each with its reason; staff and admins.

use crate::domain::AppError;
use leptos::prelude::*;

/// Adds (or with a minus sign removes) `quantity` units of product
/// `product_id` for `reason` (one of `ADJUSTMENT_REASONS`).
#[server(prefix = "/api", endpoint = "admin/adjust_stock")]
pub async fn adjust_stock(
    product_id: i32,
    quantity: String,
    reason: String,
    note: String,
) -> Result<(), AppError> {
    use crate::{
        db::stock::{self, StockReason},
        domain::{check_adjustment, Adjustment, Role, ADJUSTMENT_REASONS},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Staff, Role::Admin]).await?;
    crate::server::receiving::require_stock_keeper(&user)?;
    let Adjustment {
        delta,
        note,
        mut form,
    } = check_adjustment(
        &quantity,
        &reason,
        &note,
        &ADJUSTMENT_REASONS,
        "Choose why the stock changes.",
    )?;
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
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
    let before = stock::on_hand(&mut *tx, product_id)
        .await
        .or_internal("reading the stock")?;
    let Some((before, batch_tracked)) = before else {
        return Err(not_found());
    };
    if batch_tracked {
        form.add(
            "quantity",
            "This product is kept in batches: receive goods, or adjust one of its batches.",
        );
        return Err(AppError::Invalid(form));
    }
    let Some(after) = stock::adjust(&mut tx, product_id, delta)
        .await
        .or_internal("adjusting the stock")?
    else {
        form.add(
            "quantity",
            format!("Only {before} in stock: you cannot remove more than that."),
        );
        return Err(AppError::Invalid(form));
    };
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "stock.adjusted",
            entity: "product",
            entity_id: product_id.to_string(),
            before: Some(serde_json::json!({ "stock": before })),
            after: Some(serde_json::json!({ "stock": after, "reason": reason, "note": note })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the adjustment")?;
    leptos_axum::redirect(&format!("/admin/products/{product_id}?adjusted=1#stock"));
    Ok(())
}
