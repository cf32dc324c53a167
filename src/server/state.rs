//! What every handler and server function can reach: given to axum as state
//! and to Leptos as context.

use super::{
    config::Config, live_stock::StockEvents, metrics::Metrics, rate_limit::Limiters,
    razorpay::Razorpay, shutdown::Shutdown, site_cache::SiteCache,
};
use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub pool: PgPool,
    pub config: Arc<Config>,
    pub limiters: Arc<Limiters>,
    pub stock_events: StockEvents,
    pub shutdown: Shutdown,
    pub site: SiteCache,
    pub metrics: Arc<Metrics>,
    pub razorpay: Razorpay,
    pub leptos_options: LeptosOptions,
}

/// The state, from inside a server function.
pub fn app_state() -> AppState {
    // Provided to every render and server-function call by `startup`; its
    // absence would be a wiring mistake caught by every test.
    expect_context::<AppState>()
}
