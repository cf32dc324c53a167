//! Live stock: each server instance listens on PostgreSQL's `stock` channel
//! and passes every change to the browsers connected to it through
//! Server-Sent Events (`GET /events/stock`). Browsers reconnect by themselves
//! when the connection drops, for example across a server restart.

use super::state::AppState;
use axum::{
    extract::State,
    response::sse::{Event, KeepAlive, Sse},
};
use futures_util::{Stream, StreamExt};
use std::{convert::Infallible, time::Duration};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;

/// Stock changes as JSON (`{"id":12,"stock":0}`), fanned out to every open page.
#[derive(Clone)]
pub struct StockEvents(pub broadcast::Sender<String>);

impl StockEvents {
    pub fn new() -> Self {
        StockEvents(broadcast::channel(256).0)
    }
}

impl Default for StockEvents {
    fn default() -> Self {
        Self::new()
    }
}

/// `GET /events/stock`: the stream a page subscribes to.
pub async fn stream(
    State(state): State<AppState>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let updates = BroadcastStream::new(state.stock_events.0.subscribe())
        // A page that fell behind skips what it missed; the next change corrects it.
        .filter_map(|message| async move { message.ok() })
        .map(|json| Ok(Event::default().event("stock").data(json)))
        // Ends with the server, so that stopping need not wait for every page.
        .take_until(state.shutdown.clone().begun());
    Sse::new(updates).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
