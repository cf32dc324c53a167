//! `GET /admin/stock-alerts`: the staff header's stock alerts as a line of
//! plain text (`StockAlertCounts::line`), for the header's island to re-read
//! when stock moves. Staff and admins.

use super::{auth::AuthSession, state::AppState};
use crate::domain::Role;
use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

pub async fn counts(auth: AuthSession, State(state): State<AppState>) -> Response {
    match auth.user.as_ref().map(|u| u.0.role()) {
        Some(Role::Staff | Role::Admin) => {}
        Some(_) => return StatusCode::FORBIDDEN.into_response(),
        None => return StatusCode::UNAUTHORIZED.into_response(),
    }
    match crate::db::batches::alert_counts(&state.pool).await {
        Ok(c) => (
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            c.line(),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "counting stock alerts");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
