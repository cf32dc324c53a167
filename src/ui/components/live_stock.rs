//! Stock as it is now: pages render the stock they read, and once hydrated
//! follow `/events/stock`, so badges and "Add to cart" change within a moment
//! of any order, expiry or adjustment, without a reload.

use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Copy)]
pub struct LiveStock(RwSignal<HashMap<i32, i32>>);

#[derive(serde::Deserialize)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct StockChange {
    id: i32,
    stock: i32,
}

pub fn provide_live_stock() {
    let live = LiveStock(RwSignal::new(HashMap::new()));
    provide_context(live);
    // Effects run only in the browser, once the page is interactive.
    Effect::new(move |_| subscribe(live));
}

/// The stock to show for a product: the latest change heard, else what was rendered.
pub fn live_stock(product_id: i32, rendered: i32) -> Signal<i32> {
    let live = use_context::<LiveStock>();
    Signal::derive(move || {
        live.and_then(|l| l.0.with(|changes| changes.get(&product_id).copied()))
            .unwrap_or(rendered)
    })
}

#[cfg(feature = "hydrate")]
fn subscribe(live: LiveStock) {
    use wasm_bindgen::{closure::Closure, JsCast};
    // The browser's EventSource reconnects by itself after a dropped connection.
    let Ok(source) = web_sys::EventSource::new("/events/stock") else {
        return;
    };
    let on_change =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Ok(change) = serde_json::from_str::<StockChange>(&text) {
                live.0.update(|changes| {
                    changes.insert(change.id, change.stock);
                });
            }
        });
    let _ = source.add_event_listener_with_callback("stock", on_change.as_ref().unchecked_ref());
    // Both live as long as the page does.
    on_change.forget();
    std::mem::forget(source);
}

#[cfg(not(feature = "hydrate"))]
fn subscribe(_live: LiveStock) {}
