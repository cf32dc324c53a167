//! Live stock: each server instance listens on PostgreSQL's `stock` channel
//! and passes every change to the browsers connected to it through
//! Server-Sent Events (`GET /events/stock`). Browsers reconnect by themselves
//! when the connection drops, for example across a server restart.

use super::{client_ip::ClientIp, config::StreamCaps, state::AppState};
use axum::{
    extract::State,
    http::StatusCode,
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
    Extension,
};
use futures_util::StreamExt;
use std::{
    collections::HashMap,
    net::{IpAddr, Ipv4Addr},
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;

/// Stock changes as JSON (`{"id":12,"stock":0}`), fanned out to every open
/// page; and the count of open streams, capped per address and in all.
#[derive(Clone)]
pub struct StockEvents(pub broadcast::Sender<String>, Arc<OpenStreams>);

impl StockEvents {
    pub fn new(caps: StreamCaps) -> Self {
        StockEvents(
            broadcast::channel(256).0,
            Arc::new(OpenStreams {
                caps,
                counts: Mutex::default(),
            }),
        )
    }

    /// How many pages are listening on this instance.
    pub fn subscribers(&self) -> usize {
        self.0.receiver_count()
    }
}

struct OpenStreams {
    caps: StreamCaps,
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    total: usize,
    per_ip: HashMap<IpAddr, usize>,
}

/// One open stream, counted until it is dropped (the page went away).
struct StreamSlot {
    streams: Arc<OpenStreams>,
    ip: IpAddr,
}

impl OpenStreams {
    fn open(self: &Arc<Self>, ip: IpAddr) -> Result<StreamSlot, StatusCode> {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let mine = counts.per_ip.get(&ip).copied().unwrap_or(0);
        if mine >= self.caps.per_ip {
            return Err(StatusCode::TOO_MANY_REQUESTS);
        }
        if counts.total >= self.caps.total {
            return Err(StatusCode::SERVICE_UNAVAILABLE);
        }
        counts.total += 1;
        counts.per_ip.insert(ip, mine + 1);
        Ok(StreamSlot {
            streams: self.clone(),
            ip,
        })
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut counts = self
            .streams
            .counts
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        counts.total = counts.total.saturating_sub(1);
        if let Some(mine) = counts.per_ip.get_mut(&self.ip) {
            *mine -= 1;
            if *mine == 0 {
                counts.per_ip.remove(&self.ip);
            }
        }
    }
}

/// `GET /events/stock`: the stream a page subscribes to. One address may keep
/// `LIVE_STOCK_STREAMS_PER_IP` open (429 past that), the instance
/// `LIVE_STOCK_STREAMS` in all (503): each holds memory and a task.
pub async fn stream(
    State(state): State<AppState>,
    client: Option<Extension<ClientIp>>,
) -> Response {
    let ip = client.map_or(
        IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        |Extension(ClientIp(ip))| ip,
    );
    let slot = match state.stock_events.1.open(ip) {
        Ok(slot) => slot,
        Err(status) => return (status, "Too many live stock connections.").into_response(),
    };
    let updates = BroadcastStream::new(state.stock_events.0.subscribe())
        // A page that fell behind skips what it missed; the next change corrects it.
        .filter_map(|message| async move { message.ok() })
        .map(move |json| {
            // The slot lives as long as the stream, and frees its place with it.
            let _open = &slot;
            Ok::<_, std::convert::Infallible>(Event::default().event("stock").data(json))
        })
        // Ends with the server, so that stopping need not wait for every page.
        .take_until(state.shutdown.clone().begun());
    Sse::new(updates)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}
