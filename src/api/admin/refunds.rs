//! Refunding an online order from its admin page (full or partial, with a
//! reason that goes to the audit log), and the payments Razorpay reported
//! that staff must look at.

use crate::domain::{AppError, PaymentFlagLine};
use leptos::prelude::*;

pub const REASON_NEEDED: &str = "Say why (up to 200 characters): it goes to the audit log.";

/// `amount` in rupees, e.g. `250` or `99.50`. Admins only: it moves money,
/// so the admin's password is asked again.
#[server(prefix = "/api", endpoint = "admin/refund_order")]
pub async fn refund_order(
    reference: String,
    amount: String,
    reason: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::{
        db::payments,
        domain::{parse_rupees, FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::{reauth::confirm_password, require_role},
            errors::{not_found, OrInternal},
            razorpay::refunds::{refund, RefundError},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![
        ("amount".into(), amount.clone()),
        ("reason".into(), reason.clone()),
    ]);
    let amount = form.check("amount", parse_rupees(&amount));
    if amount.is_some_and(|a| a.0 <= 0) {
        form.add("amount", "Enter an amount above ₹0.");
    }
    let reason = reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 200 {
        form.add("reason", REASON_NEEDED);
    }
    confirm_password(&user, password, &mut form, "password").await?;
    form.clone().into_result()?;
    let Some(amount) = amount else {
        return Err(AppError::Invalid(form));
    };
    let state = app_state();
    let Some(order) = payments::by_reference(&state.pool, &reference)
        .await
        .or_internal("finding the order")?
    else {
        return Err(not_found());
    };
    let Some(gateway) = state
        .razorpay
        .gateway(&state.pool)
        .await
        .or_internal("reading Razorpay's keys")?
    else {
        form.message = Some("Online payment is not set up (Settings → Online payments).".into());
        return Err(AppError::Invalid(form));
    };
    match refund(&state.pool, &gateway, order.id, amount, &reason, user.0.id).await {
        Ok(_) => {}
        Err(RefundError::TooMuch(left)) => {
            form.add("amount", format!("At most {left} can still be refunded."));
            return Err(AppError::Invalid(form));
        }
        Err(RefundError::NotPaidOnline) => {
            form.message = Some("Only an order paid online can be refunded here.".into());
            return Err(AppError::Invalid(form));
        }
        Err(RefundError::Gateway(e)) => {
            tracing::warn!(order = %reference, "refund refused: {e}");
            form.message = Some(
                "Razorpay refused the refund. Nothing was refunded; try again shortly.".into(),
            );
            return Err(AppError::Invalid(form));
        }
        Err(RefundError::NoAnswer(e)) => {
            tracing::warn!(order = %reference, "refund sent, no answer: {e}");
            form.message = Some(
                "Razorpay did not answer. The refund is listed as requested; its status will follow from Razorpay, so do not send it again."
                    .into(),
            );
            return Err(AppError::Invalid(form));
        }
        Err(RefundError::Database(e)) => {
            return Err(crate::server::errors::internal("refunding", e));
        }
    }
    audit::record(
        &state.pool,
        &user,
        Change {
            action: "order.refund",
            entity: "order",
            entity_id: reference.clone(),
            before: None,
            after: Some(serde_json::json!({ "refund": amount.0, "reason": reason })),
        },
    )
    .await
    .or_internal("recording the refund")?;
    leptos_axum::redirect(&format!("/admin/orders/{reference}?refunded=1"));
    Ok(())
}

/// Every flagged payment, newest first: staff or admins.
#[server(prefix = "/api", endpoint = "admin/payment_flags")]
pub async fn payment_flags() -> Result<Vec<PaymentFlagLine>, AppError> {
    use crate::{
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Staff, Role::Admin]).await?;
    crate::server::razorpay::settle::flag_lines(&app_state().pool, None)
        .await
        .or_internal("reading flagged payments")
}
