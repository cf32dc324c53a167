//! Page frames: the HTML document and the site's header and footer.

pub mod shell;
pub mod site_layout;
