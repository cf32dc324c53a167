//! What the dashboard and admin landing pages show; each checks the role first.

use crate::domain::{AppError, SignedInUser};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The dashboard is for partners, staff and admins.
#[server(prefix = "/api", endpoint = "dashboard_home")]
pub async fn dashboard_home() -> Result<SignedInUser, AppError> {
    use crate::{domain::Role, server::auth::require_role};
    let user = require_role(&[Role::Partner, Role::Staff, Role::Admin]).await?;
    Ok(SignedInUser::from(&user))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOverview {
    pub admin_name: String,
    /// `(role name, number of accounts)`.
    pub accounts_by_role: Vec<(String, i64)>,
    pub emails_waiting: i64,
}

/// The admin landing page: admins only.
#[server(prefix = "/api", endpoint = "admin_home")]
pub async fn admin_home() -> Result<AdminOverview, AppError> {
    use crate::{
        db,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    let user = require_role(&[Role::Admin]).await?;
    let pool = &app_state().pool;
    let accounts_by_role = db::users::count_by_role(pool)
        .await
        .or_internal("counting accounts")?;
    let emails_waiting = db::outbox::count_waiting(pool)
        .await
        .or_internal("counting emails")?;
    Ok(AdminOverview {
        admin_name: user.0.name.clone(),
        accounts_by_role,
        emails_waiting,
    })
}
