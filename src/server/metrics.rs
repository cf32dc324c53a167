//! Prometheus metrics at `GET /metrics`, for an operator's scraper only: it
//! answers 404 unless `METRICS_TOKEN` is set, and 401 without that token as
//! `Authorization: Bearer …`. Requests are counted by route (the pattern,
//! never the address a client typed) and status, with latency histograms;
//! the database pool, the email outbox, the unpaid-order expiry job and the
//! live-stock streams are read when scraped. One registry per instance, kept
//! in the state: each instance is scraped on its own.

use super::{config::Secret, state::AppState};
use axum::{
    extract::{MatchedPath, Request, State},
    http::{header, HeaderMap, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use prometheus_client::{
    encoding::{text::encode, EncodeLabelSet},
    metrics::{
        counter::Counter,
        family::Family,
        gauge::Gauge,
        histogram::{exponential_buckets, Histogram},
    },
    registry::Registry,
};
use std::{
    sync::{atomic::AtomicU64, Arc},
    time::Instant,
};
use subtle::ConstantTimeEq;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

type Seconds = Gauge<f64, AtomicU64>;

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    pool_connections: Gauge,
    pool_idle: Gauge,
    pool_acquire: Seconds,
    outbox_waiting: Gauge,
    outbox_oldest: Seconds,
    expiry_lag: Seconds,
    live_stock_streams: Gauge,
}

fn latency_histogram() -> Histogram {
    // 0.5 ms to about 16 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

impl Metrics {
    pub fn new() -> Arc<Metrics> {
        let mut metrics = Metrics {
            registry: Registry::with_prefix("haat"),
            requests: Family::default(),
            latency: Family::new_with_constructor(latency_histogram),
            pool_connections: Gauge::default(),
            pool_idle: Gauge::default(),
            pool_acquire: Seconds::default(),
            outbox_waiting: Gauge::default(),
            outbox_oldest: Seconds::default(),
            expiry_lag: Seconds::default(),
            live_stock_streams: Gauge::default(),
        };
        // Each metric is registered as a clone: they share their values.
        let m = &mut metrics;
        let registry = &mut m.registry;
        registry.register(
            "http_requests",
            "HTTP requests answered, by route and status",
            m.requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request (to its headers for streams), by route",
            m.latency.clone(),
        );
        registry.register(
            "db_pool_connections",
            "Open database connections",
            m.pool_connections.clone(),
        );
        registry.register(
            "db_pool_idle_connections",
            "Database connections not in use",
            m.pool_idle.clone(),
        );
        registry.register(
            "db_pool_acquire_seconds",
            "Time the scrape waited for a database connection",
            m.pool_acquire.clone(),
        );
        registry.register(
            "outbox_waiting",
            "Emails not yet delivered",
            m.outbox_waiting.clone(),
        );
        registry.register(
            "outbox_oldest_seconds",
            "Age of the oldest email not yet delivered",
            m.outbox_oldest.clone(),
        );
        registry.register(
            "order_expiry_lag_seconds",
            "How long the most overdue unpaid order has waited for the expiry job",
            m.expiry_lag.clone(),
        );
        registry.register(
            "live_stock_streams",
            "Pages listening to live stock on this instance",
            m.live_stock_streams.clone(),
        );
        Arc::new(metrics)
    }

    fn record(&self, method: &str, route: &str, status: StatusCode, started: Instant) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_string(),
                route: route.to_string(),
                status: status.as_u16(),
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_string(),
            })
            .observe(started.elapsed().as_secs_f64());
    }
}

/// Middleware: counts and times every request by its route pattern.
pub async fn count_requests(
    State(metrics): State<Arc<Metrics>>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    // The pattern, so that a client cannot make a label per address it invents.
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let response = next.run(request).await;
    metrics.record(&method, &route, response.status(), started);
    response
}

/// `GET /metrics`.
pub async fn scrape(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = &state.config.metrics_token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !bearer_matches(&headers, token) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    let metrics = &state.metrics;
    if let Err(e) = read_gauges(&state).await {
        tracing::warn!("reading metrics from the database: {e}");
    }
    let mut body = String::new();
    if let Err(e) = encode(&mut body, &metrics.registry) {
        tracing::error!("encoding metrics: {e}");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

fn bearer_matches(headers: &HeaderMap, token: &Secret) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| bool::from(given.as_bytes().ct_eq(token.expose().as_bytes())))
}

async fn read_gauges(state: &AppState) -> sqlx::Result<()> {
    let metrics = &state.metrics;
    let pool = &state.pool;
    metrics.pool_connections.set(i64::from(pool.size()));
    metrics.pool_idle.set(pool.num_idle() as i64);
    metrics
        .live_stock_streams
        .set(state.stock_events.subscribers() as i64);
    let asked = Instant::now();
    let mut conn = pool.acquire().await?;
    metrics.pool_acquire.set(asked.elapsed().as_secs_f64());
    let health = crate::db::outbox::health(&mut *conn).await?;
    metrics.outbox_waiting.set(health.waiting);
    metrics.outbox_oldest.set(health.oldest_seconds);
    metrics
        .expiry_lag
        .set(crate::db::order_expiry::lag_seconds(&mut *conn).await?);
    Ok(())
}
