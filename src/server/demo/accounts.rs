//! Demo accounts, one per role.

use super::DemoError;
use crate::server::auth::password;
use crate::{
    db::users::{self, NewUser},
    domain::{Email, Mobile, NewPassword, PersonName, Role},
};
use sqlx::PgPool;

/// The password of every demo account; printed by `scripts/run`.
pub const DEMO_PASSWORD: &str = "haat-demo-2026";

pub const DEMO_ACCOUNTS: [(&str, &str, Role); 4] = [
    ("customer@demo.haat.local", "Asha Customer", Role::Customer),
    ("partner@demo.haat.local", "Ravi Partner", Role::Partner),
    ("staff@demo.haat.local", "Meena Staff", Role::Staff),
    ("admin@demo.haat.local", "Vikram Admin", Role::Admin),
];

pub async fn load(pool: &PgPool) -> Result<(), DemoError> {
    let password = NewPassword::parse(DEMO_PASSWORD.to_string()).map_err(DemoError::Invalid)?;
    let mut tx = pool.begin().await?;
    for (i, (email, name, role)) in DEMO_ACCOUNTS.iter().enumerate() {
        let email = Email::parse(email).map_err(DemoError::Invalid)?;
        if users::find_by_email(&mut *tx, &email).await?.is_some() {
            continue;
        }
        let hash = password::hash(&password)
            .await
            .map_err(|_| DemoError::Hash)?;
        let name = PersonName::parse(name).map_err(DemoError::Invalid)?;
        let mobile = Mobile::parse(&format!("98765000{i:02}")).map_err(DemoError::Invalid)?;
        users::insert(
            &mut *tx,
            NewUser {
                email: &email,
                name: &name,
                mobile: Some(&mobile),
                password_hash: &hash,
                role: *role,
            },
        )
        .await?;
    }
    make_accounts_whole(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// What approval would have given the demo partner (an approved application
/// and a partner record with a referral code), and the demo staff member a
/// sub-role, so that each demo login opens a working home page.
async fn make_accounts_whole(tx: &mut sqlx::PgConnection) -> Result<(), DemoError> {
    sqlx::query(
        "WITH p AS (SELECT id, name, email, mobile FROM users
                    WHERE email = 'partner@demo.haat.local'
                      AND NOT EXISTS (SELECT 1 FROM partners WHERE user_id = users.id)),
              a AS (INSERT INTO partner_applications
                        (kind, name, email, mobile, city, upi_id, status, decided_at)
                    SELECT 'ipp', p.name, p.email, p.mobile, 'Pune', 'ravi.partner@okaxis',
                           'approved', now()
                    FROM p RETURNING id)
         INSERT INTO partners (user_id, application_id, kind, referral_code, commission_bp, upi_id)
         SELECT p.id, a.id, 'ipp', 'RAVI2026', 500, 'ravi.partner@okaxis' FROM p, a",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE users SET staff_role = 'manager'
         WHERE email = 'staff@demo.haat.local' AND staff_role IS NULL",
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
