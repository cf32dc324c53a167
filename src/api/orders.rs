//! Orders after checkout: the order page, the customer's list, reporting a
//! UPI payment's UTR, and staff confirming it.

use crate::domain::{AppError, OrderView};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// `key` is the one from the order's link (empty without one).
#[server(prefix = "/api", endpoint = "load_order")]
pub async fn load_order(
    reference: String,
    #[server(default)] key: String,
) -> Result<OrderView, AppError> {
    use crate::{
        db::orders,
        domain::{intent_url, Paise},
        server::{errors::OrInternal, order_access::viewable_order, state::app_state},
    };
    let state = app_state();
    let pool = &state.pool;
    let order = viewable_order(&reference, &key).await?;
    let lines = orders::lines(pool, order.id)
        .await
        .or_internal("reading order lines")?;
    let timeline = orders::timeline(pool, order.id)
        .await
        .or_internal("reading the timeline")?;
    let total = Paise(order.total_paise);
    let shop = crate::server::shop_settings::current().await?;
    let upi_intent = (order.status == "awaiting_payment" && order.payment_method == "upi")
        .then(|| intent_url(&shop.upi_id, &shop.upi_payee_name, total, &order.reference));
    let upi_qr_svg = match &upi_intent {
        Some(intent) => {
            Some(crate::server::upi_qr::svg(intent).or_internal("drawing the QR code")?)
        }
        None => None,
    };
    let pay_online = if order.payment_method == "razorpay" && order.status == "awaiting_payment" {
        Some(crate::server::razorpay::prepare::pay_online(&state, order.id).await)
    } else {
        None
    };
    // Staff's reason for a refund is theirs: the customer sees amounts and status.
    let refunds = crate::server::razorpay::refunds::lines(pool, order.id)
        .await
        .or_internal("reading refunds")?
        .into_iter()
        .map(|r| crate::domain::RefundLine {
            reason: String::new(),
            ..r
        })
        .collect();
    let invoice_number = crate::db::invoices::number_for_order(pool, order.id)
        .await
        .or_internal("finding the invoice")?;
    Ok(OrderView {
        invoice_number,
        pay_online,
        refunds,
        guest: order.user_id.is_none(),
        reference: order.reference,
        status: order.status,
        payment_method: order.payment_method,
        fulfilment: order.fulfilment,
        total,
        placed_at: order.placed_at,
        lines,
        timeline,
        upi_intent,
        upi_qr_svg,
        utr: order.utr,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub reference: String,
    pub status: String,
    pub total: crate::domain::Paise,
    pub placed_at: String,
}

/// The signed-in customer's orders, newest first.
#[server(prefix = "/api", endpoint = "my_orders")]
pub async fn my_orders() -> Result<Vec<OrderSummary>, AppError> {
    use crate::{
        db::orders,
        domain::Paise,
        server::{auth::require_user, errors::OrInternal, state::app_state},
    };
    let user = require_user().await?;
    let rows = orders::for_user(&app_state().pool, user.0.id)
        .await
        .or_internal("listing orders")?;
    Ok(rows
        .into_iter()
        .map(|o| OrderSummary {
            reference: o.reference,
            status: o.status,
            total: Paise(o.total_paise),
            placed_at: o.placed_at,
        })
        .collect())
}

pub const UTR_TOO_LATE: &str = "This order is no longer waiting for a payment reference.";
pub const UTR_USED: &str =
    "This UTR was already reported for another order. Check the 12 digits in your UPI app.";

/// The customer reports the UTR of their UPI payment; the order then waits
/// for staff to match it.
#[server(prefix = "/api", endpoint = "submit_utr")]
pub async fn submit_utr(
    reference: String,
    utr: String,
    #[server(default)] key: String,
) -> Result<(), AppError> {
    use crate::{
        db::orders,
        domain::{FormErrors, Utr},
        server::{
            errors::{unique_violation, OrInternal},
            order_access::{order_link, viewable_order},
            state::app_state,
        },
    };
    let pool = &app_state().pool;
    let mut form = FormErrors::new(vec![("utr".into(), utr.clone())]);
    let Some(utr) = form.check("utr", Utr::parse(&utr)) else {
        return Err(AppError::Invalid(form));
    };
    let order = viewable_order(&reference, &key).await?;
    let shop = crate::server::shop_settings::current().await?;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let moved = match orders::report_utr(
        &mut tx,
        order.id,
        utr.as_str(),
        i64::from(shop.utr_expiry_hours) * 3600,
    )
    .await
    {
        Err(e) if unique_violation(&e) == Some("orders_utr_once") => {
            form.add("utr", UTR_USED);
            return Err(AppError::Invalid(form));
        }
        moved => moved.or_internal("recording the UTR")?,
    };
    tx.commit().await.or_internal("committing the UTR")?;
    if !moved {
        form.message = Some(UTR_TOO_LATE.into());
        return Err(AppError::Invalid(form));
    }
    let back = if key.is_empty() {
        format!("/orders/{reference}")
    } else {
        order_link(&reference, &key)
    };
    leptos_axum::redirect(&back);
    Ok(())
}
