//! `GET /healthz`: 200 when the database answers, 503 when it does not.

use super::state::AppState;
use axum::{extract::State, http::StatusCode, response::IntoResponse};

pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match sqlx::query_scalar!("SELECT 1 AS \"one!\"")
        .fetch_one(&state.pool)
        .await
    {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!("health check: database unreachable: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
