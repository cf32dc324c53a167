//! Records admin changes in the audit log, in the caller's transaction so
//! that a change and its record stand or fall together.

use super::auth::SessionUser;
use crate::db::audit::{self, NewAuditEntry};
use serde::Serialize;
use sqlx::PgExecutor;

/// What changed: `before` is absent for a creation, `after` for a removal.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// A value as it goes into the log.
pub fn snapshot(value: &impl Serialize) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

pub async fn record(
    db: impl PgExecutor<'_>,
    who: &SessionUser,
    change: Change<'_>,
) -> sqlx::Result<()> {
    audit::record(
        db,
        NewAuditEntry {
            actor_id: who.0.id,
            actor: &who.0.email,
            action: change.action,
            entity: change.entity,
            entity_id: &change.entity_id,
            before: change.before,
            after: change.after,
        },
    )
    .await
}
