//! How long a signed-in session of staff or an admin lasts: at most
//! `STAFF_SESSION_LIFETIME` after logging in, and it ends after
//! `STAFF_SESSION_IDLE` without a request. They can pay partners, change
//! roles and see every customer, so a forgotten browser must not stay
//! signed in for the two weeks a customer's session lasts.

use super::backend::AuthSession;
use crate::domain::Role;
use axum::{extract::Request, extract::State, middleware::Next, response::Response};
use std::time::Duration;
use tower_sessions::Session;

const SIGNED_IN_AT: &str = "signed_in_at";
const LAST_SEEN_AT: &str = "last_seen_at";
/// `last_seen_at` is written at most this often (each write is a database
/// update), and more often only for idle limits of under a minute and a half.
const SEEN_RESOLUTION_SECONDS: i64 = 30;

#[derive(Clone, Copy, Debug)]
pub struct StaffSessionLimits {
    pub lifetime: Duration,
    pub idle: Duration,
}

/// Notes when this session signed in (called by `start_session`).
pub async fn note_sign_in(session: &Session) -> Result<(), tower_sessions::session::Error> {
    let now = now();
    session.insert(SIGNED_IN_AT, now).await?;
    session.insert(LAST_SEEN_AT, now).await
}

/// Middleware: signs staff and admins out whose session is too old or idle,
/// before anything else reads who is signed in.
pub async fn end_stale_staff_sessions(
    State(limits): State<StaffSessionLimits>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(auth) = request.extensions_mut().get_mut::<AuthSession>() {
        let is_staff = auth
            .user
            .as_ref()
            .is_some_and(|u| matches!(u.0.role(), Role::Staff | Role::Admin));
        if is_staff {
            check(auth, limits).await;
        }
    }
    next.run(request).await
}

async fn check(auth: &mut AuthSession, limits: StaffSessionLimits) {
    let now = now();
    let signed_in: Option<i64> = auth.session.get(SIGNED_IN_AT).await.ok().flatten();
    let last_seen: Option<i64> = auth.session.get(LAST_SEEN_AT).await.ok().flatten();
    let older_than = |at: Option<i64>, limit: Duration| {
        // A session from before these limits has no times: it has had its day.
        at.is_none_or(|at| now - at > limit.as_secs() as i64)
    };
    if older_than(signed_in, limits.lifetime) || older_than(last_seen, limits.idle) {
        if let Err(e) = auth.logout().await {
            tracing::warn!("ending a stale staff session: {e}");
        }
    } else if last_seen.is_some_and(|at| now - at >= seen_resolution(limits.idle)) {
        let _ = auth.session.insert(LAST_SEEN_AT, now).await;
    }
}

fn seen_resolution(idle: Duration) -> i64 {
    (idle.as_secs() as i64 / 3).clamp(1, SEEN_RESOLUTION_SECONDS)
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
