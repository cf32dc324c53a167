//! Approved partners: their codes, rates and KYC documents; admins only.

use crate::domain::{AdminPartner, AppError};
use leptos::prelude::*;

/// Approved partners with their codes, rates and KYC documents.
#[server(prefix = "/api", endpoint = "admin/partners")]
pub async fn load_partners() -> Result<Vec<AdminPartner>, AppError> {
    use crate::{
        db::{partner_documents, partners},
        domain::{rate_label, PartnerKind, Role},
        server::{auth::require_role, documents, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let pool = &app_state().pool;
    let mut list = Vec::new();
    for p in partners::list(pool).await.or_internal("listing partners")? {
        let documents = partner_documents::list(pool, p.user_id)
            .await
            .or_internal("listing documents")?
            .into_iter()
            .map(documents::view)
            .collect();
        list.push(AdminPartner {
            user_id: p.user_id.to_string(),
            name: p.name,
            email: p.email,
            kind: PartnerKind::parse(&p.kind).unwrap_or(PartnerKind::Individual),
            referral_code: p.referral_code,
            rate: rate_label(p.commission_bp),
            documents,
        });
    }
    Ok(list)
}

/// Changes one partner's commission rate (a percentage, e.g. 7.5).
#[server(prefix = "/api", endpoint = "admin/set_partner_rate")]
pub async fn set_partner_rate(user_id: String, rate: String) -> Result<(), AppError> {
    use crate::{
        db::partners,
        domain::{parse_rate, FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let admin = require_role(&[Role::Admin]).await?;
    let Ok(id) = uuid::Uuid::parse_str(&user_id) else {
        return Err(not_found());
    };
    let field = format!("rate-{id}");
    let mut form = FormErrors::new(vec![(field.clone(), rate.clone())]);
    let Some(bp) = form.check(&field, parse_rate(&rate)) else {
        return Err(AppError::Invalid(form));
    };
    let mut tx = app_state()
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let before = partners::get(&mut *tx, id)
        .await
        .or_internal("reading the partner")?;
    let Some(before) = before else {
        return Err(not_found());
    };
    partners::set_commission(&mut *tx, id, bp)
        .await
        .or_internal("changing the rate")?;
    audit::record(
        &mut *tx,
        &admin,
        Change {
            action: "partner.rate",
            entity: "partner",
            entity_id: before.email.clone(),
            before: Some(serde_json::json!({ "commission_bp": before.commission_bp })),
            after: Some(serde_json::json!({ "commission_bp": bp })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the rate")?;
    leptos_axum::redirect("/admin/partners?rate=1");
    Ok(())
}
