//! Reading the audit log; admins only. Nothing can change or remove entries.

use crate::domain::{AppError, AuditEntry};
use leptos::prelude::*;

/// Entries matching `q` in who, what or the values, newest first.
#[server(prefix = "/api", endpoint = "admin/audit_log")]
pub async fn audit_log(q: String) -> Result<Vec<AuditEntry>, AppError> {
    use crate::{
        db::audit,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let q = q.trim();
    audit::search(&app_state().pool, (!q.is_empty()).then_some(q), None)
        .await
        .or_internal("searching the audit log")
}
