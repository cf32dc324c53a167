//! The HTML document around every page.

use super::built_assets::BuiltAssets;
use crate::app::App;
use leptos::prelude::*;
use leptos_meta::MetaTags;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0f766e" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <BuiltAssets options />
                <MetaTags />
            </head>
            <body class="flex min-h-screen flex-col bg-stone-50 text-stone-900 antialiased">
                <App />
            </body>
        </html>
    }
}
