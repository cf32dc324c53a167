//! The shop's settings as server functions read them: from the database on
//! each use, so that an edit takes effect at once on every server instance.

use super::{errors::OrInternal, state::app_state};
use crate::{
    db,
    domain::{AppError, ShopSettings},
};

pub async fn current() -> Result<ShopSettings, AppError> {
    db::settings::load(&app_state().pool)
        .await
        .or_internal("reading the shop settings")
}
