//! Drag and drop on the leads board. The board itself is rendered on the
//! server and passed in as children; this island listens on it for cards
//! (`data-lead-id`) dropped on columns (`data-stage`), calls `move_lead`,
//! and the server function's redirect reloads the board. Without JavaScript
//! every card's stage selector does the same.

use crate::api::crm::move_lead;
use leptos::{ev::DragEvent, prelude::*, task::spawn_local};

#[island]
pub fn LeadBoard(children: Children) -> impl IntoView {
    let dragging = StoredValue::new(None::<i64>);
    let (error, set_error) = signal(None::<String>);
    let start = move |ev: DragEvent| {
        let id = closest_data(&ev, "[data-lead-id]", "data-lead-id").and_then(|id| id.parse().ok());
        dragging.set_value(id);
    };
    let drop = move |ev: DragEvent| {
        ev.prevent_default();
        let Some(id) = dragging.get_value() else {
            return;
        };
        dragging.set_value(None);
        let Some(stage) = closest_data(&ev, "[data-stage]", "data-stage") else {
            return;
        };
        spawn_local(async move {
            // On success the server redirects and the page reloads.
            if let Err(e) = move_lead(id, stage, String::new(), "/crm".into()).await {
                set_error.set(Some(e.to_string()));
            }
        });
    };
    view! {
        <div on:dragstart=start on:dragover=|ev: DragEvent| ev.prevent_default() on:drop=drop>
            {move || error.get().map(|m| view! {
                <p role="alert" class="mb-4 rounded border border-red-300 bg-red-50 px-4 py-3 text-red-800" data-testid="board-error">{m}</p>
            })}
            {children()}
        </div>
    }
}

/// The `attribute` of the nearest element around the event's target that
/// matches `selector`.
fn closest_data(ev: &DragEvent, selector: &str, attribute: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        target.closest(selector).ok()??.get_attribute(attribute)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (ev, selector, attribute);
        None
    }
}
