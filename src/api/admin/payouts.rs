//! Monthly payouts: statements per partner, the CSV for the bank (served by
//! `server::payouts`), marking a statement paid with its UTR; admins only.

use crate::domain::{AppError, StatementView};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub statements: Vec<StatementView>,
}

pub const ALREADY_PAID: &str = "This statement is already marked paid; it cannot be paid twice.";

/// `month` is `YYYY-MM`; blank means the current month.
#[server(prefix = "/api", endpoint = "admin/payouts")]
pub async fn load_payouts(month: String) -> Result<PayoutMonth, AppError> {
    use crate::{
        db::payouts,
        domain::Role,
        server::{auth::require_role, dates, errors::OrInternal, payouts::view, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let first_day = dates::month_or_current(&month);
    let rows = payouts::for_month(&app_state().pool, first_day)
        .await
        .or_internal("listing statements")?;
    Ok(PayoutMonth {
        month: dates::month_value(first_day),
        statements: rows.into_iter().map(view).collect(),
    })
}

#[server(prefix = "/api", endpoint = "admin/generate_statements")]
pub async fn generate_statements(month: String) -> Result<(), AppError> {
    use crate::{
        db::payouts,
        domain::{parse_month, FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            dates,
            errors::OrInternal,
            state::app_state,
        },
    };
    let admin = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![("month".into(), month.clone())]);
    let Some(first_day) = form
        .check("month", parse_month(&month))
        .and_then(|(y, m)| dates::first_day(y, m))
    else {
        if form.is_empty() {
            form.add("month", "Choose a month, e.g. 2026-11.");
        }
        return Err(AppError::Invalid(form));
    };
    let mut tx = app_state()
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let changed = payouts::generate(&mut tx, first_day)
        .await
        .or_internal("generating statements")?;
    audit::record(
        &mut *tx,
        &admin,
        Change {
            action: "payouts.generated",
            entity: "payout_month",
            entity_id: dates::month_value(first_day),
            before: None,
            after: Some(serde_json::json!({ "statements_changed": changed })),
        },
    )
    .await
    .or_internal("recording the statements")?;
    tx.commit().await.or_internal("saving the statements")?;
    leptos_axum::redirect(&format!(
        "/admin/payouts?month={}&generated={changed}",
        dates::month_value(first_day)
    ));
    Ok(())
}

/// Marks a statement paid with the bank's UTR and emails the partner.
#[server(prefix = "/api", endpoint = "admin/mark_payout_paid")]
pub async fn mark_payout_paid(
    id: i64,
    utr: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::{
        db::{
            outbox::{self, OutgoingEmail},
            partners, payouts,
        },
        domain::{parse_transfer_utr, FormErrors, Paise, Role},
        server::{
            audit::{self, Change},
            auth::{reauth::confirm_password, require_role},
            errors::OrInternal,
            mail::messages,
            state::app_state,
        },
    };
    let admin = require_role(&[Role::Admin]).await?;
    let field = format!("utr-{id}");
    let mut form = FormErrors::new(vec![(field.clone(), utr.clone())]);
    let utr = form.check(&field, parse_transfer_utr(&utr));
    confirm_password(&admin, password, &mut form, &format!("password-{id}")).await?;
    form.clone().into_result()?;
    let Some(utr) = utr else {
        return Err(AppError::Invalid(form));
    };
    let state = app_state();
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let paid = match payouts::mark_paid(&mut tx, id, &utr, admin.0.id).await {
        Ok(paid) => paid,
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            form.add(
                &field,
                "This UTR is already recorded against another payout.",
            );
            return Err(AppError::Invalid(form));
        }
        Err(e) => return Err(crate::server::errors::internal("marking a payout paid", e)),
    };
    let Some(paid) = paid else {
        form.add(&field, ALREADY_PAID);
        return Err(AppError::Invalid(form));
    };
    if let Some(partner) = partners::get(&mut *tx, paid.partner_id)
        .await
        .or_internal("reading the partner")?
    {
        let mail = messages::payout_paid(
            &partner.name,
            &paid.month,
            &Paise(paid.amount_paise).to_string(),
            &utr,
            &state.config.link("/dashboard"),
        );
        outbox::enqueue(
            &mut *tx,
            OutgoingEmail {
                to: &partner.email,
                subject: &mail.subject,
                body_text: &mail.body_text,
            },
        )
        .await
        .or_internal("queueing the payout email")?;
    }
    audit::record(
        &mut *tx,
        &admin,
        Change {
            action: "payout.paid",
            entity: "payout",
            entity_id: id.to_string(),
            before: Some(serde_json::json!({ "status": "statement" })),
            after: Some(serde_json::json!({ "status": "paid", "utr": utr, "amount_paise": paid.amount_paise })),
        },
    )
    .await
    .or_internal("recording the payment")?;
    tx.commit().await.or_internal("saving the payment")?;
    leptos_axum::redirect(&format!("/admin/payouts?month={}&paid=1", paid.month_value));
    Ok(())
}
