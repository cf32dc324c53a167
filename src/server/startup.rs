//! Assembles the application: routes, layers, background tasks.

use super::{
    auth::Backend,
    client_ip::{find_client, TrustedProxies},
    config::Config,
    csrf::{refuse_cross_site, AllowedOrigin},
    errors::status_for_server_fn_error,
    form_flash::{keep_form_errors_out_of_urls, FlashedFormError},
    health::healthz,
    mail::{outbox_worker, ConfiguredMailer, FileMailer, SmtpMailer},
    rate_limit::Limiters,
    security_headers::{add_security_headers, CspNonce, SecurityPolicy},
    state::AppState,
    telemetry,
};
use crate::{app::App, ui::layouts::shell::shell};
use axum::{http::HeaderName, middleware, routing::get, Router};
use axum_login::AuthManagerLayerBuilder;
use http::request::Parts;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sqlx::{postgres::PgPoolOptions, PgPool};
use std::{
    net::SocketAddr,
    sync::{Arc, OnceLock},
    time::Duration,
};
use tower_http::{
    compression::{CompressionLayer, CompressionLevel},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
};
use tower_sessions::{cookie::SameSite, Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

pub const SESSION_COOKIE: &str = "haat_session";

pub async fn connect(config: &Config) -> sqlx::Result<PgPool> {
    PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(Duration::from_secs(5))
        // sqlx pings every connection before handing it out by default: one
        // more round trip per query (7 % of a product page's CPU in the
        // profile). A connection broken by a database restart fails its
        // query once and is dropped instead.
        .test_before_acquire(false)
        .connect(config.database_url.expose())
        .await
}

pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    sqlx::migrate!("./migrations").run(pool).await
}

/// Writes the shop settings from the environment on the very first start;
/// after that they are edited in the admin and the environment is not read.
pub async fn create_settings(pool: &PgPool, config: &Config) -> sqlx::Result<()> {
    crate::db::settings::create_if_missing(
        pool,
        crate::db::settings::InitialSettings {
            upi_id: &config.shop.upi_id,
            upi_payee_name: &config.shop.upi_payee_name,
            upi_expiry_minutes: (config.shop.upi_order_expiry.as_secs() / 60).clamp(5, 10080)
                as i32,
        },
    )
    .await
}

/// Everything a render or server function may take from context.
fn provide_request_context(state: &AppState) {
    provide_context(state.clone());
    provide_context(crate::domain::SiteOrigin(
        state.config.site_url.origin().ascii_serialization(),
    ));
    let parts = use_context::<Parts>();
    // Use the nonce the security-headers layer put into the CSP header.
    if let Some(nonce) = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<CspNonce>().cloned())
    {
        provide_context(nonce.0);
    }
    // The header's and footer's settings and menus (`attach_to_pages`).
    if let Some(site) = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<Arc<super::site_cache::SiteData>>())
    {
        provide_context(crate::api::content::SiteChrome::from(&**site));
    }
    // A refused form post's messages, kept in the session instead of the address.
    if let Some(flash) = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<FlashedFormError>())
    {
        provide_context(flash.0.clone());
    }
}

/// The app's routes, found once per process. Finding them sets a process-wide
/// "load no resources" flag in leptos, and a page whose data starts loading
/// meanwhile waits forever (leptos-rs/leptos#4773); the tests build a router
/// per test in one process, so they would hang now and then.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let config = state.config.clone();
    let routes = routes();
    let session_layer = SessionManagerLayer::new(super::auth::session_store::SessionRecords::new(
        state.pool.clone(),
    ))
    .with_name(SESSION_COOKIE)
    .with_secure(config.secure_cookies)
    .with_http_only(true)
    .with_same_site(SameSite::Lax)
    .with_expiry(Expiry::OnInactivity(
        tower_sessions::cookie::time::Duration::days(14),
    ));
    let auth_layer =
        AuthManagerLayerBuilder::new(Backend::new(state.pool.clone()), session_layer).build();
    let request_id = HeaderName::from_static(super::errors::REQUEST_ID_HEADER);

    let render_state = state.clone();
    let fallback_state = state.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(super::metrics::scrape))
        .route("/sitemap.xml", get(super::seo::sitemap))
        .route("/robots.txt", get(super::seo::robots))
        // Named here because `/{slug}` (content pages) would otherwise answer
        // before the static-file fallback.
        .route_service(
            "/favicon.svg",
            tower_http::services::ServeFile::new(format!(
                "{}/favicon.svg",
                state.leptos_options.site_root
            )),
        )
        // The built assets are served here rather than by leptos_axum's
        // fallback: for a file it finds, that handler makes a reactive owner
        // that can inherit the render of a concurrent page on the same thread,
        // and the file then went out with that page's redirect (a stylesheet
        // answered "302 /login?next=/dashboard" in a browser test).
        .nest_service(
            &format!("/{}", state.leptos_options.site_pkg_dir),
            tower_http::services::ServeDir::new(format!(
                "{}/{}",
                state.leptos_options.site_root, state.leptos_options.site_pkg_dir
            ))
            .precompressed_br()
            .precompressed_gzip(),
        )
        .route("/media/demo/{file}", get(super::media::demo_image))
        .route("/media/u/{key}/{file}", get(super::images::serve))
        .route("/events/stock", get(super::live_stock::stream))
        .route(
            super::razorpay::webhook::PATH,
            axum::routing::post(super::razorpay::webhook::receive),
        )
        .route(
            super::razorpay::payment_return::PATH,
            get(super::razorpay::payment_return::payment_return),
        )
        .route("/admin/payouts.csv", get(super::payouts::download))
        .route("/admin/stock-alerts", get(super::staff_alerts::counts))
        .route("/admin/gst/{file}", get(super::gst_reports::download))
        .route("/documents/{id}", get(super::documents::download))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_request_context(&render_state),
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || provide_request_context(&fallback_state), shell
        ))
        .layer(middleware::map_response(status_for_server_fn_error))
        .layer(middleware::from_fn(keep_form_errors_out_of_urls))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            super::referral::remember_referral,
        ))
        .layer(middleware::from_fn_with_state(
            state.site.clone(),
            super::site_cache::forget_after_admin_writes,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            super::site_cache::attach_to_pages,
        ))
        .layer(middleware::from_fn_with_state(
            config.staff_sessions,
            super::auth::session_limits::end_stale_staff_sessions,
        ))
        .layer(auth_layer)
        .layer(middleware::from_fn_with_state(
            AllowedOrigin::from_site_url(&config.site_url),
            refuse_cross_site,
        ))
        .layer(middleware::from_fn_with_state(
            SecurityPolicy::new(
                config.site_url.scheme() == "https",
                &config.razorpay.checkout_js,
                &config.razorpay.api_url,
            ),
            add_security_headers,
        ))
        .layer(middleware::from_fn(super::cache_headers::for_static_files))
        .layer(middleware::from_fn(
            super::input_guard::refuse_unreadable_addresses,
        ))
        .layer(middleware::from_fn_with_state(
            TrustedProxies(Arc::new(config.trusted_proxies.clone())),
            find_client,
        ))
        // Pages are compressed on every request: brotli's default (quality 11)
        // costs more CPU than rendering the page (tower-rs/tower-http#356),
        // and even quality 4 was a sixth of a product page's CPU, most of it
        // making and zeroing its hash tables for each response. Quality 1
        // compresses in one quick pass with small tables (bench/PROFILE.md);
        // the built assets are compressed once, at build time (`--precompress`).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(middleware::from_fn_with_state(
            state.metrics.clone(),
            super::metrics::count_requests,
        ))
        .layer(telemetry::trace_layer())
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}

/// Starts the background tasks: email delivery, unpaid-order expiry,
/// Razorpay's webhooks and reconciliation, back-in-stock and low-stock
/// emails, expired-session and rate-limit housekeeping.
pub fn spawn_background_tasks(state: &AppState) {
    let config = &state.config;
    let mailer = match &config.smtp_url {
        Some(url) => match SmtpMailer::from_url(url.expose()) {
            Ok(m) => ConfiguredMailer::Smtp(m),
            Err(e) => {
                tracing::error!(
                    "SMTP_URL is not usable ({e}); writing emails to {}",
                    config.mail_dir.display()
                );
                ConfiguredMailer::Files(FileMailer::new(config.mail_dir.clone()))
            }
        },
        None => ConfiguredMailer::Files(FileMailer::new(config.mail_dir.clone())),
    };
    if config.smtp_url.is_none() {
        let files = FileMailer::new(config.mail_dir.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60 * 60));
            loop {
                tick.tick().await;
                let lifetime = super::auth::invite::LONGEST_LINK_LIFETIME;
                if let Err(e) = files.forget_older_than(lifetime).await {
                    tracing::warn!("deleting old email files: {e}");
                }
            }
        });
    }
    tokio::spawn(outbox_worker::run(
        state.pool.clone(),
        mailer,
        config.mail_from.clone(),
    ));
    tokio::spawn(super::order_expiry::run(state.pool.clone()));
    tokio::spawn(super::batch_expiry::run(state.pool.clone()));
    tokio::spawn(super::commission_clock::run(state.pool.clone()));
    tokio::spawn(super::back_in_stock::run(
        state.pool.clone(),
        config.clone(),
        state.stock_events.clone(),
    ));
    tokio::spawn(super::low_stock::run(
        state.pool.clone(),
        config.clone(),
        state.stock_events.clone(),
    ));
    tokio::spawn(super::notifications::listen(
        state.pool.clone(),
        state.stock_events.clone(),
        state.site.clone(),
        state.razorpay.wake.clone(),
    ));
    tokio::spawn(super::razorpay::webhook::run(state.clone()));
    tokio::spawn(super::razorpay::reconcile::run(state.clone()));
    let sessions = PostgresStore::new(state.pool.clone());
    tokio::spawn(async move {
        use tower_sessions::session_store::ExpiredDeletion;
        if let Err(e) = sessions
            .continuously_delete_expired(Duration::from_secs(60 * 60))
            .await
        {
            tracing::error!("deleting expired sessions stopped: {e}");
        }
    });
    let limiters = state.limiters.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            if let Err(e) = limiters.forget_idle().await {
                tracing::warn!("forgetting recovered rate limits: {e}");
            }
        }
    });
}

pub fn state(config: Config, pool: PgPool, leptos_options: LeptosOptions) -> AppState {
    AppState {
        limiters: Limiters::new(pool.clone(), config.limits),
        stock_events: super::live_stock::StockEvents::new(config.live_stock_streams),
        shutdown: super::shutdown::Shutdown::new(),
        site: super::site_cache::SiteCache::default(),
        metrics: super::metrics::Metrics::new(),
        razorpay: super::razorpay::Razorpay::new(
            &config.razorpay.api_url,
            &config.razorpay.checkout_js,
        ),
        config: Arc::new(config),
        pool,
        leptos_options,
    }
}

/// Serves until `shutdown` begins (see `shutdown::on_signal`), then stops
/// taking connections and finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: super::shutdown::Shutdown,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown.begun())
    .await
}
