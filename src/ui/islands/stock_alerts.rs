//! The staff header's stock alerts ("1 expired · 2 expiring soon · 3 low on
//! stock"), re-read whenever the page hears a stock change, so a delivery
//! received on another instance shows within a moment. The line comes as
//! plain text from `GET /admin/stock-alerts`, and the island is one text
//! node: it ships in the one wasm file the storefront loads too, so it is
//! kept to the least code: no server function and no serde (2.7 KB gzip,
//! where three reactive counts fetched by a server function cost 8 KB).

use leptos::prelude::*;

#[island]
pub fn StockAlerts(line: String) -> impl IntoView {
    let line = RwSignal::new(line);
    #[cfg(feature = "hydrate")]
    {
        let heard = crate::ui::islands::live_stock::changes_heard();
        Effect::new(move |previous: Option<()>| {
            heard.track();
            if previous.is_some() {
                leptos::task::spawn_local(async move {
                    if let Some(latest) = browser::latest().await {
                        line.set(latest);
                    }
                });
            }
        });
    }
    view! {
        <a href="/admin/expiry" class="mb-4 inline-block rounded-full bg-amber-50 px-3 py-1 text-sm text-amber-900" data-testid="stock-alerts" aria-live="polite">
            {move || line.get()}
        </a>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// The line as the server has it now, if it answers.
    pub async fn latest() -> Option<String> {
        let window = web_sys::window()?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str("/admin/stock-alerts"))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    }
}
