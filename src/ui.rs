//! Everything the browser sees: layouts, reusable components and pages,
//! rendered on the server, and the few islands that are also sent to the
//! browser as wasm because they need it (see `islands`).

pub mod components;
pub mod islands;
pub mod layouts;
pub mod pages;
