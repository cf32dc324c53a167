//! Page frames: the HTML document and the site's header and footer.

#[cfg(feature = "ssr")]
mod built_assets;
#[cfg(feature = "ssr")]
pub mod shell;
pub mod site_layout;
