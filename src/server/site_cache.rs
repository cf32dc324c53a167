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

/// Puts this instance's copy of the settings and menus into each page's
/// request, where the render finds it (`startup::provide_request_context`):
/// the header and footer are then written without waiting on a resource.
/// Files, server functions and streams do not need it, and should not wait
/// on the database when it is down.
pub async fn attach_to_pages(
    State(state): State<super::state::AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let not_a_page = [
        "/pkg/",
        "/media/",
        "/api/",
        "/events/",
        "/webhooks/",
        "/payments/",
        "/documents/",
    ]
    .iter()
    .any(|prefix| path.starts_with(prefix))
        || matches!(
            path,
            "/healthz"
                | "/metrics"
                | "/robots.txt"
                | "/sitemap.xml"
                | "/favicon.svg"
                | "/admin/payouts.csv"
                | "/admin/stock-alerts"
        )
        || path.starts_with("/admin/gst/");
    let read = matches!(*request.method(), http::Method::GET | http::Method::HEAD);
    if read && !not_a_page {
        match state.site.get(&state.pool).await {
            Ok(site) => {
                request.extensions_mut().insert(site);
            }
            // The page shows the plain header and footer instead.
            Err(e) => tracing::warn!("reading the shop settings for a page: {e}"),
        }
    }
    next.run(request).await
}

/// What every page's header and footer show.
impl From<&SiteData> for crate::api::content::SiteChrome {
    fn from(site: &SiteData) -> Self {
        let shop = &site.settings;
        let (header, footer) = site.menus.iter().cloned().partition(|l| l.menu == "header");
        Self {
            business_name: shop.business_name.clone(),
            logo_url: shop.logo_url.clone(),
            header,
            footer,
            contact_phone: shop.contact_phone.clone(),
            contact_email: shop.contact_email.clone(),
            address: shop.address.clone(),
        }
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
