//! Orders for staff: the filtered list, one order, moving it along
//! (confirm payment, packed, ready, shipped, delivered) and cancelling it.
//! Every step lands on the timeline the customer sees and is emailed to them.

use crate::domain::{AdminOrderDetail, AdminOrderRow, AppError};
use leptos::prelude::*;

/// `status` and `payment` empty mean any; `from` and `to` are `YYYY-MM-DD`.
#[server(prefix = "/api", endpoint = "admin/orders")]
pub async fn admin_orders(
    status: String,
    payment: String,
    from: String,
    to: String,
) -> Result<Vec<AdminOrderRow>, AppError> {
    use crate::{
        db::admin_orders::{list, OrderFilter},
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Staff, Role::Admin]).await?;
    let day = |d: &str| {
        let d = d.trim();
        let ok = d.len() == 10
            && d.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
            && d[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
            && d[8..10]
                .parse::<u32>()
                .is_ok_and(|day| (1..=31).contains(&day));
        ok.then(|| d.to_string())
    };
    let (from, to) = (day(&from), day(&to));
    list(
        &app_state().pool,
        OrderFilter {
            status: (!status.is_empty()).then_some(status.as_str()),
            payment_method: (!payment.is_empty()).then_some(payment.as_str()),
            from: from.as_deref(),
            to: to.as_deref(),
        },
    )
    .await
    .or_internal("listing orders")
}

#[server(prefix = "/api", endpoint = "admin/order")]
pub async fn admin_order(reference: String) -> Result<AdminOrderDetail, AppError> {
    use crate::{
        db::{admin_orders, orders},
        domain::{AdminOrderRow, Paise, Role},
        server::{
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    require_role(&[Role::Staff, Role::Admin]).await?;
    let pool = &app_state().pool;
    let Some(order) = orders::by_reference(pool, &reference)
        .await
        .or_internal("finding an order")?
    else {
        return Err(not_found());
    };
    let contact = admin_orders::contact(pool, order.id)
        .await
        .or_internal("reading the contact")?;
    let customer_name = admin_orders::customer_name(pool, order.id)
        .await
        .or_internal("reading the customer")?;
    let online = if order.payment_method == "razorpay" {
        Some(
            crate::server::razorpay::refunds::admin_view(pool, order.id)
                .await
                .or_internal("reading the online payment")?,
        )
    } else {
        None
    };
    Ok(AdminOrderDetail {
        invoice_number: crate::db::invoices::number_for_order(pool, order.id)
            .await
            .or_internal("finding the invoice")?,
        online,
        lines: orders::lines(pool, order.id)
            .await
            .or_internal("reading lines")?,
        timeline: orders::timeline(pool, order.id)
            .await
            .or_internal("reading the timeline")?,
        order: AdminOrderRow {
            reference: order.reference,
            customer_name,
            status: order.status,
            payment_method: order.payment_method,
            fulfilment: order.fulfilment,
            total: Paise(order.total_paise),
            placed_at: order.placed_at,
            utr: order.utr,
        },
        email: contact.email,
        mobile: contact.mobile,
        address: contact.address,
    })
}

/// Moves the order to `to`, when that is a next step from where it is
/// (see `domain::next_steps`); `cancelled` returns its stock.
#[server(prefix = "/api", endpoint = "admin/advance_order")]
pub async fn advance_order(reference: String, to: String) -> Result<(), AppError> {
    use crate::{
        db::{
            admin_orders, commissions, orders,
            outbox::{self, OutgoingEmail},
            stock::{self, StockReason},
        },
        domain::{can_cancel, next_steps, status_label, AppError, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            mail::messages,
            state::app_state,
        },
    };
    let user = require_role(&[Role::Staff, Role::Admin]).await?;
    if !user.0.handles_orders() {
        crate::server::errors::set_status(http::StatusCode::FORBIDDEN);
        return Err(AppError::Forbidden);
    }
    let state = app_state();
    let pool = &state.pool;
    let Some(order) = orders::by_reference(pool, &reference)
        .await
        .or_internal("finding an order")?
    else {
        return Err(not_found());
    };
    let allowed = if to == "cancelled" {
        can_cancel(&order.status)
    } else {
        next_steps(&order.status, &order.fulfilment)
            .iter()
            .any(|(next, _)| *next == to)
    };
    if !allowed {
        let message = format!(
            "This order is {}; it cannot be marked {} now. Reload to see its latest state.",
            status_label(&order.status).to_lowercase(),
            status_label(&to).to_lowercase()
        );
        return Err(AppError::form(message, Vec::new()));
    }
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    // The status guard in `transition` makes a double click (or two staff at
    // once) move the order, and return its stock, only once.
    let moved = orders::transition(&mut tx, order.id, &order.status, &to, None)
        .await
        .or_internal("moving the order")?;
    if !moved {
        return Err(AppError::form(
            "Someone else just changed this order. Reload to see its latest state.",
            Vec::new(),
        ));
    }
    if to == "delivered" {
        commissions::accrue_for_order(&mut *tx, order.id)
            .await
            .or_internal("accruing the partner's commission")?;
    }
    if to == "cancelled" || to == "returned" {
        commissions::reverse_for_order(
            &mut tx,
            order.id,
            &format!("Order {}", status_label(&to).to_lowercase()),
        )
        .await
        .or_internal("reversing the partner's commission")?;
        stock::set_reason(
            &mut tx,
            StockReason {
                reason: if to == "returned" {
                    "returned"
                } else {
                    "cancelled"
                },
                order_id: Some(order.id),
                actor_id: Some(user.0.id),
                note: "",
            },
        )
        .await
        .or_internal("recording the reason")?;
        admin_orders::return_stock(&mut tx, order.id)
            .await
            .or_internal("returning the stock")?;
    }
    let contact = admin_orders::contact(&mut *tx, order.id)
        .await
        .or_internal("reading the contact")?;
    let name = admin_orders::customer_name(&mut *tx, order.id)
        .await
        .or_internal("reading the customer")?;
    if !contact.email.is_empty() {
        let mail = messages::order_status(
            &name,
            &order.reference,
            status_label(&to),
            &state.config.link(&format!("/orders/{}", order.reference)),
        );
        outbox::enqueue(
            &mut *tx,
            OutgoingEmail {
                to: &contact.email,
                subject: &mail.subject,
                body_text: &mail.body_text,
            },
        )
        .await
        .or_internal("queueing the email")?;
    }
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "order.status",
            entity: "order",
            entity_id: order.reference.clone(),
            before: Some(serde_json::json!({ "status": order.status })),
            after: Some(serde_json::json!({ "status": to })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the order")?;
    leptos_axum::redirect(&format!("/admin/orders/{}?moved=1", order.reference));
    Ok(())
}
