//! Accounts: reading, creating and changing users.

use crate::domain::{Email, Mobile, PersonName, Role};
use sqlx::PgExecutor;
use uuid::Uuid;

#[derive(Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub mobile: Option<String>,
    pub password_hash: String,
    pub role: String,
    /// For staff: manager, pharmacist, sales or auditor.
    pub staff_role: Option<String>,
    pub disabled: bool,
}

impl std::fmt::Debug for UserRow {
    // The password hash stays out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRow")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl UserRow {
    pub fn role(&self) -> Role {
        // The column's CHECK constraint admits only known roles.
        Role::parse(&self.role).unwrap_or(Role::Customer)
    }

    /// Admins, and staff who sell or manage, work the CRM.
    pub fn works_leads(&self) -> bool {
        match self.role() {
            Role::Admin => true,
            Role::Staff => matches!(self.staff_role.as_deref(), Some("sales" | "manager")),
            _ => false,
        }
    }

    /// Admins and staff other than auditors (who only read) move orders on.
    pub fn handles_orders(&self) -> bool {
        match self.role() {
            Role::Admin => true,
            Role::Staff => self.staff_role.as_deref() != Some("auditor"),
            _ => false,
        }
    }

    /// Admins, and staff who manage or audit, read the GST returns.
    pub fn reads_gst_reports(&self) -> bool {
        match self.role() {
            Role::Admin => true,
            Role::Staff => matches!(self.staff_role.as_deref(), Some("manager" | "auditor")),
            _ => false,
        }
    }

    /// Admins, and staff who manage stock or dispense, receive goods and
    /// adjust batches; staff without a sub-role keep the stock work they
    /// had before sub-roles existed; sales and auditors only read.
    pub fn keeps_stock(&self) -> bool {
        match self.role() {
            Role::Admin => true,
            Role::Staff => matches!(
                self.staff_role.as_deref(),
                None | Some("manager" | "pharmacist")
            ),
            _ => false,
        }
    }
}

pub async fn find_by_email(
    db: impl PgExecutor<'_>,
    email: &Email,
) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT id, email, name, mobile, password_hash, role, staff_role,
                  disabled_at IS NOT NULL AS "disabled!"
           FROM users WHERE email = $1"#,
        email.as_str()
    )
    .fetch_optional(db)
    .await
}

pub async fn find_by_id(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT id, email, name, mobile, password_hash, role, staff_role,
                  disabled_at IS NOT NULL AS "disabled!"
           FROM users WHERE id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub mobile: Option<&'a Mobile>,
    pub password_hash: &'a str,
    pub role: Role,
}

/// Inserts the user; `Ok(None)` when the email is already registered.
pub async fn insert(db: impl PgExecutor<'_>, user: NewUser<'_>) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "INSERT INTO users (email, name, mobile, password_hash, role)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING
         RETURNING id",
        user.email.as_str(),
        user.name.as_str(),
        user.mobile.map(Mobile::as_str),
        user.password_hash,
        user.role.as_str()
    )
    .fetch_optional(db)
    .await
}

/// Sets a new password; every reset or invitation link still outstanding for
/// the account stops working (it was sent for the password that is gone).
pub async fn set_password_hash(
    db: impl PgExecutor<'_>,
    id: Uuid,
    password_hash: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "WITH ended_links AS (
             UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL
         )
         UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1",
        id,
        password_hash
    )
    .execute(db)
    .await?;
    Ok(())
}

/// `(role, number of accounts)`, for the admin overview.
pub async fn count_by_role(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<(String, i64)>> {
    let rows =
        sqlx::query!(r#"SELECT role, count(*) AS "count!" FROM users GROUP BY role ORDER BY role"#)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(|r| (r.role, r.count)).collect())
}

/// Email addresses of the active admins.
pub async fn admin_emails(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        "SELECT email FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY email"
    )
    .fetch_all(db)
    .await
}
