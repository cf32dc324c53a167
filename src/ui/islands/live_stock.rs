//! Stock as it is now: pages render the stock they read; in the browser,
//! islands that show stock follow `/events/stock`, so badges and "Add to
//! cart" change within a moment of any order, expiry or adjustment, without
//! a reload. One EventSource per page, opened by the first island that asks
//! and shared by all of them (a category page has dozens of badges, and a
//! browser allows six connections per host).

use leptos::prelude::*;

/// The stock to show for a product: the latest change heard, else what was
/// rendered. On the server it is always what was rendered.
pub fn live_stock(product_id: i32, rendered: i32) -> Signal<i32> {
    #[cfg(feature = "hydrate")]
    {
        let changes = browser::changes();
        Signal::derive(move || {
            changes
                .with(|changes| changes.get(&product_id).copied())
                .unwrap_or(rendered)
        })
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = product_id;
        Signal::stored(rendered)
    }
}

/// How many stock changes the page has heard (any product): for islands
/// that re-read something derived from stock when it moves.
pub fn changes_heard() -> Signal<u64> {
    #[cfg(feature = "hydrate")]
    {
        let heard = browser::heard();
        Signal::derive(move || heard.get())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Signal::stored(0)
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use std::collections::HashMap;
    use wasm_bindgen::{closure::Closure, JsCast};

    #[derive(serde::Deserialize)]
    struct StockChange {
        id: i32,
        stock: i32,
    }

    type Changes = ArcRwSignal<HashMap<i32, i32>>;
    type Heard = ArcRwSignal<u64>;

    thread_local! {
        static CHANGES: std::cell::OnceCell<(Changes, Heard)> = const { std::cell::OnceCell::new() };
    }

    fn subscribed() -> (Changes, Heard) {
        CHANGES.with(|cell| {
            cell.get_or_init(|| {
                let (changes, heard) = (Changes::default(), Heard::default());
                subscribe(changes.clone(), heard.clone());
                (changes, heard)
            })
            .clone()
        })
    }

    /// The page's stock changes, subscribing on first use.
    pub fn changes() -> Changes {
        subscribed().0
    }

    /// How many changes arrived, subscribing on first use.
    pub fn heard() -> Heard {
        subscribed().1
    }

    fn subscribe(changes: Changes, heard: Heard) {
        // The browser's EventSource reconnects by itself after a dropped connection.
        let Ok(source) = web_sys::EventSource::new("/events/stock") else {
            return;
        };
        let on_change = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                if let Ok(change) = serde_json::from_str::<StockChange>(&text) {
                    changes.update(|all| {
                        all.insert(change.id, change.stock);
                    });
                    heard.update(|n| *n += 1);
                }
            },
        );
        let _ =
            source.add_event_listener_with_callback("stock", on_change.as_ref().unchecked_ref());
        // Both live as long as the page does.
        on_change.forget();
        std::mem::forget(source);
    }
}
