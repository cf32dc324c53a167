//! Shop settings: the business, GST, UPI, contact details, how long unpaid
//! orders keep their stock and how many one customer may have, the default
//! low-stock threshold; and the logo. Admins only. Razorpay's keys are in
//! `razorpay_settings`.

#![allow(clippy::too_many_arguments)]

use crate::domain::{AppError, ShopSettings};
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(prefix = "/api", endpoint = "admin/settings")]
pub async fn admin_settings() -> Result<ShopSettings, AppError> {
    use crate::{domain::Role, server::auth::require_role};
    require_role(&[Role::Admin]).await?;
    crate::server::shop_settings::current().await
}

#[server(prefix = "/api", endpoint = "admin/save_settings")]
pub async fn save_settings(
    business_name: String,
    address: String,
    state: String,
    gstin: String,
    upi_id: String,
    upi_payee_name: String,
    contact_phone: String,
    contact_email: String,
    upi_expiry_minutes: String,
    low_stock_threshold: String,
    max_unpaid_orders: String,
    pickup_expiry_hours: String,
    utr_expiry_hours: String,
    #[server(default)] near_expiry_days: String,
) -> Result<(), AppError> {
    use crate::{
        db::settings,
        domain::{parse_state, Email, FormErrors, Gstin, Mobile, Role, ShopSettings, UpiId},
        server::{
            audit::{self, snapshot, Change},
            auth::require_role,
            errors::OrInternal,
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![
        ("business_name".into(), business_name.clone()),
        ("address".into(), address.clone()),
        ("state".into(), state.clone()),
        ("gstin".into(), gstin.clone()),
        ("upi_id".into(), upi_id.clone()),
        ("upi_payee_name".into(), upi_payee_name.clone()),
        ("contact_phone".into(), contact_phone.clone()),
        ("contact_email".into(), contact_email.clone()),
        ("upi_expiry_minutes".into(), upi_expiry_minutes.clone()),
        ("low_stock_threshold".into(), low_stock_threshold.clone()),
        ("max_unpaid_orders".into(), max_unpaid_orders.clone()),
        ("pickup_expiry_hours".into(), pickup_expiry_hours.clone()),
        ("utr_expiry_hours".into(), utr_expiry_hours.clone()),
        ("near_expiry_days".into(), near_expiry_days.clone()),
    ]);
    let business_name = business_name.trim().to_string();
    if business_name.is_empty() || business_name.chars().count() > 100 {
        form.add(
            "business_name",
            "Enter the business's name (up to 100 characters).",
        );
    }
    let address = address.trim().to_string();
    if address.chars().count() > 300 {
        form.add("address", "Keep the address under 300 characters.");
    }
    let state = if state.trim().is_empty() {
        Some(String::new())
    } else {
        form.check("state", parse_state(&state).map(str::to_string))
    };
    let gstin = form.check("gstin", Gstin::parse_optional(&gstin));
    if let (Some(Some(g)), Some(s)) = (&gstin, &state) {
        let code = crate::domain::state_code(s);
        if code.is_some_and(|c| c != g.state_code()) {
            form.add(
                "gstin",
                "This GSTIN was registered in another state than the one chosen below the address.",
            );
        }
    }
    let upi = form.check("upi_id", UpiId::parse(&upi_id));
    let payee = upi_payee_name.trim().to_string();
    if payee.is_empty() || payee.chars().count() > 50 {
        form.add(
            "upi_payee_name",
            "Enter the name your bank shows for this UPI ID (up to 50 characters).",
        );
    }
    let phone = form.check("contact_phone", Mobile::parse_optional(&contact_phone));
    let email = form.check(
        "contact_email",
        if contact_email.trim().is_empty() {
            Ok(None)
        } else {
            Email::parse(&contact_email).map(Some)
        },
    );
    let expiry = form.check(
        "upi_expiry_minutes",
        upi_expiry_minutes
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|m| (5..=10080).contains(m))
            .ok_or_else(|| "Enter minutes between 5 and 10080 (a week).".to_string()),
    );
    let threshold = form.check(
        "low_stock_threshold",
        low_stock_threshold
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|n| (0..=100_000).contains(n))
            .ok_or_else(|| "Enter a whole number of units, 0 or more.".to_string()),
    );
    let near_expiry = form.check(
        "near_expiry_days",
        match near_expiry_days.trim() {
            "" => Ok(90),
            days => days
                .parse::<i32>()
                .ok()
                .filter(|n| (1..=730).contains(n))
                .ok_or_else(|| "Enter days between 1 and 730 (blank for 90).".to_string()),
        },
    );
    let whole = |value: &str, range: std::ops::RangeInclusive<i32>, message: &str| {
        value
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| message.to_string())
    };
    let max_unpaid = form.check(
        "max_unpaid_orders",
        whole(
            &max_unpaid_orders,
            1..=100,
            "Enter a number of orders between 1 and 100.",
        ),
    );
    let pickup_hours = form.check(
        "pickup_expiry_hours",
        whole(
            &pickup_expiry_hours,
            1..=720,
            "Enter hours between 1 and 720 (30 days).",
        ),
    );
    let utr_hours = form.check(
        "utr_expiry_hours",
        whole(
            &utr_expiry_hours,
            1..=720,
            "Enter hours between 1 and 720 (30 days).",
        ),
    );
    form.clone().into_result()?;
    let (Some(max_unpaid), Some(pickup_hours), Some(utr_hours)) =
        (max_unpaid, pickup_hours, utr_hours)
    else {
        return Err(AppError::Invalid(form));
    };
    let (
        Some(state),
        Some(gstin),
        Some(upi),
        Some(phone),
        Some(email),
        Some(expiry),
        Some(threshold),
    ) = (state, gstin, upi, phone, email, expiry, threshold)
    else {
        return Err(AppError::Invalid(form));
    };
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let before = settings::load(&mut *tx)
        .await
        .or_internal("reading settings")?;
    let after = ShopSettings {
        business_name,
        address,
        state,
        gstin: gstin.map(|g| g.as_str().to_string()),
        upi_id: upi.as_str().to_string(),
        upi_payee_name: payee,
        contact_phone: phone.map(|p| p.as_str().to_string()).unwrap_or_default(),
        contact_email: email.map(|e| e.as_str().to_string()).unwrap_or_default(),
        upi_expiry_minutes: expiry,
        low_stock_threshold: threshold,
        max_unpaid_orders: max_unpaid,
        pickup_expiry_hours: pickup_hours,
        utr_expiry_hours: utr_hours,
        near_expiry_days: near_expiry.unwrap_or(before.near_expiry_days),
        ..before.clone()
    };
    settings::save(&mut *tx, &after)
        .await
        .or_internal("saving settings")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "settings.updated",
            entity: "settings",
            entity_id: "shop".into(),
            before: snapshot(&before),
            after: snapshot(&after),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving settings")?;
    leptos_axum::redirect("/admin/settings?saved=1");
    Ok(())
}

/// The shop's logo (field `image`), shown in the header and on social cards.
#[server(prefix = "/api", endpoint = "admin/upload_logo", input = MultipartFormData)]
pub async fn upload_logo(data: MultipartData) -> Result<(), AppError> {
    use crate::{
        db::{images, settings},
        domain::{FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::OrInternal,
            images::{read_upload, resize, LOGO_WIDTHS},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let upload = read_upload(data).await?;
    let sizes = match upload.file {
        Err(message) => Err(message),
        Ok(bytes) => tokio::task::spawn_blocking(move || resize(&bytes, &LOGO_WIDTHS))
            .await
            .map_err(|e| crate::server::errors::internal("resizing the logo", e))?,
    };
    let sizes = match sizes {
        Ok(sizes) => sizes,
        Err(message) => {
            let mut form = FormErrors::default();
            form.add("image", message);
            return Err(AppError::Invalid(form));
        }
    };
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let key = uuid::Uuid::new_v4();
    for (width, bytes) in &sizes {
        images::insert(&mut *tx, key, *width as i32, bytes)
            .await
            .or_internal("storing the logo")?;
    }
    settings::set_logo(&mut *tx, key)
        .await
        .or_internal("saving the logo")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "settings.logo",
            entity: "settings",
            entity_id: "shop".into(),
            before: None,
            after: Some(serde_json::json!({ "logo": key.to_string() })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the logo")?;
    leptos_axum::redirect("/admin/settings?saved=1");
    Ok(())
}
