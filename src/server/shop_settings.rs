//! The shop's settings and menus as server functions read them: from this
//! instance's copy (`site_cache`), which every change in the database
//! replaces on every instance.

use super::{errors::OrInternal, site_cache::SiteData, state::app_state};
use crate::domain::{AppError, ShopSettings};
use std::sync::Arc;

pub async fn site() -> Result<Arc<SiteData>, AppError> {
    let state = app_state();
    state
        .site
        .get(&state.pool)
        .await
        .or_internal("reading the shop settings")
}

pub async fn current() -> Result<ShopSettings, AppError> {
    Ok(site().await?.settings.clone())
}
