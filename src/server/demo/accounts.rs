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
    tx.commit().await?;
    Ok(())
}
