//! Structured logs: one line per request with its id, method, path, status
//! and duration; everything logged while serving it carries the same id.

use super::errors::REQUEST_ID_HEADER;
use axum::http::Request;
use tower_http::trace::{DefaultOnResponse, MakeSpan, TraceLayer};
use tracing::Level;
use tracing_subscriber::{fmt, EnvFilter};

pub fn init(level: &str, json: bool) {
    let filter = EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    // `try_init`: tests start several servers in one process.
    let _ = if json {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

#[derive(Clone)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> tracing::Span {
        let request_id = request
            .headers()
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-");
        // The path only: query strings can carry personal data.
        tracing::info_span!(
            "request",
            request_id = %request_id,
            method = %request.method(),
            path = %request.uri().path(),
        )
    }
}

pub fn trace_layer() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    RequestSpan,
    (),
    DefaultOnResponse,
> {
    TraceLayer::new_for_http()
        .make_span_with(RequestSpan)
        .on_request(())
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}
