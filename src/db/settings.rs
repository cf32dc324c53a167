//! The one row of shop settings.

use crate::domain::ShopSettings;
use sqlx::PgExecutor;

/// The values startup writes when the shop has no settings yet.
pub struct InitialSettings<'a> {
    pub upi_id: &'a str,
    pub upi_payee_name: &'a str,
    pub upi_expiry_minutes: i32,
}

/// Writes the first settings row unless one exists (the admin's edits win).
pub async fn create_if_missing(
    db: impl PgExecutor<'_>,
    initial: InitialSettings<'_>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO settings (business_name, upi_id, upi_payee_name, upi_expiry_minutes)
         VALUES ($2, $1, $2, $3) ON CONFLICT (id) DO NOTHING",
        initial.upi_id,
        initial.upi_payee_name,
        initial.upi_expiry_minutes
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn load(db: impl PgExecutor<'_>) -> sqlx::Result<ShopSettings> {
    let row = sqlx::query!(
        "SELECT business_name, logo_key, address, state, gstin, upi_id, upi_payee_name, contact_phone,
                contact_email, upi_expiry_minutes, low_stock_threshold, hero_title, hero_text,
                max_unpaid_orders, pickup_expiry_hours, utr_expiry_hours, razorpay_enabled,
                razorpay_key_id, near_expiry_days
         FROM settings"
    )
    .fetch_one(db)
    .await?;
    Ok(ShopSettings {
        business_name: row.business_name,
        logo_url: row.logo_key.map(|key| format!("/media/u/{key}/256.jpg")),
        address: row.address,
        state: row.state,
        gstin: row.gstin,
        upi_id: row.upi_id,
        upi_payee_name: row.upi_payee_name,
        contact_phone: row.contact_phone,
        contact_email: row.contact_email,
        upi_expiry_minutes: row.upi_expiry_minutes,
        low_stock_threshold: row.low_stock_threshold,
        hero_title: row.hero_title,
        hero_text: row.hero_text,
        max_unpaid_orders: row.max_unpaid_orders,
        pickup_expiry_hours: row.pickup_expiry_hours,
        utr_expiry_hours: row.utr_expiry_hours,
        near_expiry_days: row.near_expiry_days,
        razorpay_enabled: row.razorpay_enabled,
        razorpay_key_id: row.razorpay_key_id,
    })
}

/// Saves everything but the logo, the home page text and Razorpay.
pub async fn save(db: impl PgExecutor<'_>, s: &ShopSettings) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE settings SET business_name = $1, address = $2, state = $3, gstin = $4, upi_id = $5,
                upi_payee_name = $6, contact_phone = $7, contact_email = $8, upi_expiry_minutes = $9,
                low_stock_threshold = $10, max_unpaid_orders = $11, pickup_expiry_hours = $12,
                utr_expiry_hours = $13, near_expiry_days = $14, updated_at = now()",
        s.business_name,
        s.address,
        s.state,
        s.gstin,
        s.upi_id,
        s.upi_payee_name,
        s.contact_phone,
        s.contact_email,
        s.upi_expiry_minutes,
        s.low_stock_threshold,
        s.max_unpaid_orders,
        s.pickup_expiry_hours,
        s.utr_expiry_hours,
        s.near_expiry_days
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn save_home(
    db: impl PgExecutor<'_>,
    hero_title: &str,
    hero_text: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE settings SET hero_title = $1, hero_text = $2, updated_at = now()",
        hero_title,
        hero_text
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn set_logo(db: impl PgExecutor<'_>, key: uuid::Uuid) -> sqlx::Result<()> {
    sqlx::query!("UPDATE settings SET logo_key = $1, updated_at = now()", key)
        .execute(db)
        .await?;
    Ok(())
}

/// The partner programme's terms.
pub struct PartnerTerms {
    pub ipp_commission_bp: i32,
    pub bpp_commission_bp: i32,
    pub commission_hold_days: i32,
    pub won_lead_reward_paise: i64,
}

pub async fn partner_terms(db: impl PgExecutor<'_>) -> sqlx::Result<PartnerTerms> {
    sqlx::query_as!(
        PartnerTerms,
        "SELECT ipp_commission_bp, bpp_commission_bp, commission_hold_days, won_lead_reward_paise
         FROM settings"
    )
    .fetch_one(db)
    .await
}

pub async fn save_partner_terms(db: impl PgExecutor<'_>, t: &PartnerTerms) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE settings SET ipp_commission_bp = $1, bpp_commission_bp = $2,
                commission_hold_days = $3, won_lead_reward_paise = $4, updated_at = now()",
        t.ipp_commission_bp,
        t.bpp_commission_bp,
        t.commission_hold_days,
        t.won_lead_reward_paise
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Razorpay's keys. The secrets stay on the server: no server function
/// returns this, and `Debug` hides them.
#[derive(Clone)]
pub struct RazorpayKeys {
    pub key_id: String,
    pub key_secret: String,
    pub webhook_secret: String,
}

impl std::fmt::Debug for RazorpayKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "RazorpayKeys {{ key_id: {:?}, secrets: [redacted] }}",
            self.key_id
        )
    }
}

pub async fn razorpay_keys(db: impl PgExecutor<'_>) -> sqlx::Result<RazorpayKeys> {
    sqlx::query_as!(
        RazorpayKeys,
        "SELECT razorpay_key_id AS key_id, razorpay_key_secret AS key_secret,
                razorpay_webhook_secret AS webhook_secret
         FROM settings"
    )
    .fetch_one(db)
    .await
}

/// Saves the Razorpay settings; a `None` secret keeps the saved one.
pub async fn save_razorpay(
    db: impl PgExecutor<'_>,
    enabled: bool,
    key_id: &str,
    key_secret: Option<&str>,
    webhook_secret: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE settings SET razorpay_enabled = $1, razorpay_key_id = $2,
                razorpay_key_secret = coalesce($3, razorpay_key_secret),
                razorpay_webhook_secret = coalesce($4, razorpay_webhook_secret),
                updated_at = now()",
        enabled,
        key_id,
        key_secret,
        webhook_secret
    )
    .execute(db)
    .await?;
    Ok(())
}
