//! Reading the audit log; admins only. Nothing can change or remove entries.

use crate::domain::{AppError, AuditView};
use leptos::prelude::*;

/// Entries matching `q` in who, what or the values, newest first, each with
/// the fields it changed (categories named, money in rupees).
#[server(prefix = "/api", endpoint = "admin/audit_log")]
pub async fn audit_log(q: String) -> Result<Vec<AuditView>, AppError> {
    use crate::{
        db::{admin_categories, audit},
        domain::{field_changes, Role},
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let pool = &app_state().pool;
    let q: String = q.trim().chars().take(100).collect();
    let q = q.as_str();
    let entries = audit::search(pool, (!q.is_empty()).then_some(q), None)
        .await
        .or_internal("searching the audit log")?;
    let categories = admin_categories::list(pool)
        .await
        .or_internal("naming categories")?;
    let name_of = |field: &str, value: &serde_json::Value| {
        let id = value.as_i64()?;
        (field == "category_id")
            .then(|| categories.iter().find(|c| i64::from(c.id) == id))
            .flatten()
            .map(|c| c.name.clone())
    };
    Ok(entries
        .into_iter()
        .map(|entry| AuditView {
            changes: field_changes(entry.before.as_deref(), entry.after.as_deref(), &name_of),
            entry,
        })
        .collect())
}
