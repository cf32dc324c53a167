//! Admin → Settings → Online payments: Razorpay's key id, key secret and
//! webhook secret. The secrets are written, never read back: the page only
//! learns whether one is saved. Saving asks for the admin's password again.

use crate::domain::{AppError, RazorpaySetup};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/razorpay")]
pub async fn load_razorpay_setup() -> Result<RazorpaySetup, AppError> {
    use crate::{
        db::settings,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, razorpay::webhook, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let state = app_state();
    let site = crate::server::shop_settings::current().await?;
    let keys = settings::razorpay_keys(&state.pool)
        .await
        .or_internal("reading Razorpay's keys")?;
    Ok(RazorpaySetup {
        enabled: site.razorpay_enabled,
        key_id: keys.key_id,
        key_secret_saved: !keys.key_secret.is_empty(),
        webhook_secret_saved: !keys.webhook_secret.is_empty(),
        webhook_url: state.config.link(webhook::PATH),
    })
}

pub const KEY_ID_FORMAT: &str =
    "Enter the key id from Razorpay's dashboard (API keys), e.g. rzp_live_AbCdEf1234.";
pub const SECRET_FORMAT: &str =
    "Paste the secret as Razorpay shows it (8 to 100 characters, no spaces).";
pub const NEEDED_TO_SWITCH_ON: &str = "Online payment cannot be switched on without this.";

/// Blank secrets keep the saved ones. `enabled` is the checkbox ("on").
#[server(prefix = "/api", endpoint = "admin/save_razorpay")]
pub async fn save_razorpay(
    #[server(default)] enabled: String,
    key_id: String,
    #[server(default)] key_secret: String,
    #[server(default)] webhook_secret: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::{
        db::settings,
        domain::{FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::{reauth::confirm_password, require_role},
            errors::OrInternal,
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    // The secrets and the password are not kept for the form to show again.
    let mut form = FormErrors::new(vec![
        ("enabled".into(), enabled.clone()),
        ("key_id".into(), key_id.clone()),
    ]);
    let enabled = !enabled.is_empty();
    let key_id = key_id.trim().to_string();
    let id_ok = key_id.is_empty()
        || (key_id.len() <= 40
            && (key_id.starts_with("rzp_live_") || key_id.starts_with("rzp_test_"))
            && key_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_'));
    if !id_ok {
        form.add("key_id", KEY_ID_FORMAT);
    }
    let secret = |typed: &str| {
        let typed = typed.trim();
        let ok = typed.is_empty()
            || ((8..=100).contains(&typed.len()) && typed.chars().all(|c| c.is_ascii_graphic()));
        ok.then(|| (!typed.is_empty()).then(|| typed.to_string()))
    };
    let key_secret = secret(&key_secret);
    let webhook_secret = secret(&webhook_secret);
    if key_secret.is_none() {
        form.add("key_secret", SECRET_FORMAT);
    }
    if webhook_secret.is_none() {
        form.add("webhook_secret", SECRET_FORMAT);
    }
    let state = app_state();
    let saved = settings::razorpay_keys(&state.pool)
        .await
        .or_internal("reading Razorpay's keys")?;
    let has = |typed: &Option<Option<String>>, saved: &str| {
        matches!(typed, Some(Some(_))) || !saved.is_empty()
    };
    if enabled {
        if key_id.is_empty() {
            form.add("key_id", NEEDED_TO_SWITCH_ON);
        }
        if key_secret.is_some() && !has(&key_secret, &saved.key_secret) {
            form.add("key_secret", NEEDED_TO_SWITCH_ON);
        }
        if webhook_secret.is_some() && !has(&webhook_secret, &saved.webhook_secret) {
            form.add("webhook_secret", NEEDED_TO_SWITCH_ON);
        }
    }
    confirm_password(&user, password, &mut form, "password").await?;
    form.clone().into_result()?;
    let (Some(key_secret), Some(webhook_secret)) = (key_secret, webhook_secret) else {
        return Err(AppError::Invalid(form));
    };
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    settings::save_razorpay(
        &mut *tx,
        enabled,
        &key_id,
        key_secret.as_deref(),
        webhook_secret.as_deref(),
    )
    .await
    .or_internal("saving Razorpay's keys")?;
    let changed = |new: &Option<String>| if new.is_some() { "replaced" } else { "kept" };
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "settings.razorpay",
            entity: "settings",
            entity_id: "razorpay".into(),
            before: Some(serde_json::json!({
                "enabled": crate::server::shop_settings::current().await?.razorpay_enabled,
                "key_id": saved.key_id,
            })),
            after: Some(serde_json::json!({
                "enabled": enabled,
                "key_id": key_id,
                "key_secret": changed(&key_secret),
                "webhook_secret": changed(&webhook_secret),
            })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving Razorpay's keys")?;
    leptos_axum::redirect("/admin/settings?saved=1");
    Ok(())
}
