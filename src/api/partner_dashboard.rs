//! A partner's own dashboard: link, QR code, figures, referred orders,
//! payouts and profile. Partners only, and only their own rows: every query
//! below is keyed by the signed-in partner's id.

use crate::domain::{AppError, PartnerDashboard};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "partner_dashboard")]
pub async fn load_partner_dashboard() -> Result<PartnerDashboard, AppError> {
    use crate::{
        db::{commissions, partners, payouts},
        domain::{mask_name, rate_label, Paise, PartnerKind, PartnerProfile, ReferredOrder, Role},
        server::{
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
            upi_qr,
        },
    };
    let user = require_role(&[Role::Partner]).await?;
    let state = app_state();
    let pool = &state.pool;
    commissions::make_due(pool)
        .await
        .or_internal("bringing commissions up to date")?;
    let Some(partner) = partners::get(pool, user.0.id)
        .await
        .or_internal("reading the partner")?
    else {
        return Err(not_found());
    };
    let stats = partners::stats(pool, user.0.id)
        .await
        .or_internal("counting the partner's figures")?;
    let orders = partners::referred_orders(pool, user.0.id)
        .await
        .or_internal("listing referred orders")?;
    let statements = payouts::for_partner(pool, user.0.id)
        .await
        .or_internal("listing payouts")?;
    let documents = crate::db::partner_documents::list(pool, user.0.id)
        .await
        .or_internal("listing documents")?;
    let referral_link = state
        .config
        .link(&format!("/?ref={}", partner.referral_code));
    let qr_svg = upi_qr::svg(&referral_link).or_internal("drawing the QR code")?;
    Ok(PartnerDashboard {
        name: partner.name,
        kind: PartnerKind::parse(&partner.kind).unwrap_or(PartnerKind::Individual),
        referral_code: partner.referral_code,
        referral_link,
        qr_svg,
        rate: rate_label(partner.commission_bp),
        visits: stats.visits,
        orders: stats.orders,
        pending: Paise(stats.pending_paise),
        due: Paise(stats.due_paise),
        paid: Paise(stats.paid_paise),
        referred_orders: orders
            .into_iter()
            .map(|o| ReferredOrder {
                customer: mask_name(&o.customer_name),
                placed_at: o.placed_at,
                status: o.status,
                total: Paise(o.total_paise),
                commission: o.commission_paise.map(Paise),
                commission_status: o.commission_status,
            })
            .collect(),
        payouts: statements
            .into_iter()
            .map(crate::server::payouts::view)
            .collect(),
        documents: documents
            .into_iter()
            .map(crate::server::documents::view)
            .collect(),
        profile: PartnerProfile {
            email: partner.email,
            mobile: partner.mobile,
            city: partner.city,
            upi_id: partner.upi_id,
            pan: partner
                .pan
                .and_then(|p| crate::domain::Pan::parse(&p).ok())
                .map(|p| p.masked()),
            business_name: partner.business_name,
            gstin: partner.gstin,
            since: partner.since,
        },
    })
}
