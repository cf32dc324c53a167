//! The partner programme's terms: default rates, the holding period and the
//! reward for a won lead; admins only.

use crate::domain::{AppError, ProgrammeTerms};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/programme_terms")]
pub async fn load_programme_terms() -> Result<ProgrammeTerms, AppError> {
    use crate::{
        db::settings,
        domain::{rate_label, Paise, Role},
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let terms = settings::partner_terms(&app_state().pool)
        .await
        .or_internal("reading the programme's terms")?;
    let percent = |bp: i32| rate_label(bp).trim_end_matches(" %").to_string();
    Ok(ProgrammeTerms {
        ipp_rate: percent(terms.ipp_commission_bp),
        bpp_rate: percent(terms.bpp_commission_bp),
        hold_days: terms.commission_hold_days,
        won_lead_reward: Paise(terms.won_lead_reward_paise),
    })
}

#[server(prefix = "/api", endpoint = "admin/save_programme_terms")]
pub async fn save_programme_terms(
    ipp_rate: String,
    bpp_rate: String,
    hold_days: String,
    won_lead_reward: String,
) -> Result<(), AppError> {
    use crate::{
        db::settings::{self, PartnerTerms},
        domain::{parse_rate, parse_rupees, FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::OrInternal,
            state::app_state,
        },
    };
    let admin = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![
        ("ipp_rate".into(), ipp_rate.clone()),
        ("bpp_rate".into(), bpp_rate.clone()),
        ("hold_days".into(), hold_days.clone()),
        ("won_lead_reward".into(), won_lead_reward.clone()),
    ]);
    let ipp = form.check("ipp_rate", parse_rate(&ipp_rate));
    let bpp = form.check("bpp_rate", parse_rate(&bpp_rate));
    let days = form.check(
        "hold_days",
        hold_days
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|d| (0..=365).contains(d))
            .ok_or_else(|| "Enter a number of days from 0 to 365.".to_string()),
    );
    let reward = form.check(
        "won_lead_reward",
        if won_lead_reward.trim() == "0" {
            Ok(crate::domain::Paise(0))
        } else {
            parse_rupees(&won_lead_reward)
        },
    );
    let (Some(ipp), Some(bpp), Some(days), Some(reward)) = (ipp, bpp, days, reward) else {
        return Err(AppError::Invalid(form));
    };
    let terms = PartnerTerms {
        ipp_commission_bp: ipp,
        bpp_commission_bp: bpp,
        commission_hold_days: days,
        won_lead_reward_paise: reward.0,
    };
    let mut tx = app_state()
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    settings::save_partner_terms(&mut *tx, &terms)
        .await
        .or_internal("saving the programme's terms")?;
    audit::record(
        &mut *tx,
        &admin,
        Change {
            action: "settings.programme",
            entity: "settings",
            entity_id: String::new(),
            before: None,
            after: Some(serde_json::json!({
                "ipp_commission_bp": ipp, "bpp_commission_bp": bpp,
                "commission_hold_days": days, "won_lead_reward_paise": reward.0,
            })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("committing the terms")?;
    leptos_axum::redirect("/admin/settings?saved=1");
    Ok(())
}
