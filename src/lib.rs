//! Haat: a storefront, dashboard and admin for small Indian businesses, one
//! crate built twice: the server (`ssr`), which renders every page, and the
//! browser bundle (`hydrate`), which holds only the islands (`ui::islands`).

// Leptos views are deeply nested types; the hydrate build needs more room.
#![recursion_limit = "512"]

pub mod api;
pub mod app;
pub mod domain;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // After a server function redirects (log in, log out ...) load the new page
    // in full, so that everything drawn from the session is drawn again.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(location);
        }
    });
    // Pages are rendered on the server; only the islands (`ui::islands`)
    // come to life here. The loader walks the page for them right after this
    // function returns, through promise callbacks only.
    leptos::mount::hydrate_islands();
    // A marker browser tests wait for before interacting: a timer runs after
    // those callbacks, so every island on the page is alive by then.
    leptos::prelude::set_timeout(
        || {
            if let Some(window) = web_sys::window() {
                let _ = js_sys::Reflect::set(&window, &"__haat_hydrated".into(), &true.into());
            }
        },
        std::time::Duration::ZERO,
    );
}
