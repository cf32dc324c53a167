//! The shop's settings and menus, kept in memory: every page's header and
//! footer and most server functions read them, and they change only when an
//! admin saves. A database trigger announces each change on `site_changed`
//! (`server::notifications` listens), and every instance then forgets its
//! copy and reads the next one from the database. The instance that made
//! the change forgets at once (`forget_after_admin_writes`), so the admin's
//! next page shows the edit.

use crate::{
    db,
    domain::{MenuLink, ShopSettings},
};
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use sqlx::PgPool;
use std::sync::{Arc, RwLock};

pub struct SiteData {
    pub settings: ShopSettings,
    pub menus: Vec<MenuLink>,
}

#[derive(Clone, Default)]
pub struct SiteCache(Arc<RwLock<Cached>>);

#[derive(Default)]
struct Cached {
    data: Option<Arc<SiteData>>,
    /// Counts `forget`s, so that a read that began before one does not
    /// store what it read after it.
    generation: u64,
}

impl SiteCache {
    pub async fn get(&self, pool: &PgPool) -> sqlx::Result<Arc<SiteData>> {
        let generation = {
            let cached = self.0.read().unwrap_or_else(|e| e.into_inner());
            if let Some(data) = &cached.data {
                return Ok(data.clone());
            }
            cached.generation
        };
        let data = Arc::new(SiteData {
            settings: db::settings::load(pool).await?,
            menus: db::menus::all(pool).await?,
        });
        let mut cached = self.0.write().unwrap_or_else(|e| e.into_inner());
        if cached.generation == generation {
            cached.data = Some(data.clone());
        }
        Ok(data)
    }

    pub fn forget(&self) {
        let mut cached = self.0.write().unwrap_or_else(|e| e.into_inner());
        cached.data = None;
        cached.generation += 1;
    }
}

/// After any state-changing admin request, this instance forgets its copy
/// (the notification would arrive a moment later; the admin's next page
/// must not be earlier than that). Admin writes are rare, so reading the
/// settings again after each costs nothing.
pub async fn forget_after_admin_writes(
    State(cache): State<SiteCache>,
    request: Request,
    next: Next,
) -> Response {
    let admin_write =
        request.method() == http::Method::POST && request.uri().path().starts_with("/api/admin/");
    let response = next.run(request).await;
    if admin_write {
        cache.forget();
    }
    response
}
