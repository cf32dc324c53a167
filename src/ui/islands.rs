//! The interactive parts: each `#[island]` here is rendered on the server
//! like any component and also compiled into the wasm bundle, which brings
//! it to life in the browser (Leptos islands). Everything else on a page is
//! plain server-rendered HTML whose forms post and redirect.
//!
//! Islands cannot read context provided by the server-only components
//! around them, so what they need comes in as (serialisable) props; the
//! live stock they share lives in the wasm module (`live_stock`).

pub mod add_to_cart;
pub mod copy_button;
pub mod lead_board;
pub mod live_stock;
pub mod markdown_editor;
pub mod password_input;
pub mod razorpay_checkout;
pub mod search_box;
pub mod stock_alerts;
pub mod stock_badge;
