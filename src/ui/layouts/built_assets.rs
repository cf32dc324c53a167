//! The stylesheet link and the islands loader in every page's head, with the
//! hashed file names read from `hash.txt` once per process.
//!
//! Leptos's `HashedStylesheet` and `HydrationScripts` find the exe's
//! directory and read `hash.txt` on every render (2.5 % of a product page's
//! CPU in bench/PROFILE.md), and `HydrationScripts` always preloads the
//! module and the wasm, which browsers then fetch ahead of the stylesheet and
//! images, with JavaScript off too. Here nothing is preloaded: the loader
//! imports the module when the browser is idle.

use leptos::prelude::*;
use std::sync::OnceLock;

struct Assets {
    stylesheet: String,
    loader: String,
}

/// `haat.css`, `haat.js`, `haat_bg.wasm`, or with `hash-files` the names
/// cargo-leptos wrote into `hash.txt` beside the binary (`css: <hash>` …).
fn assets(options: &LeptosOptions) -> &'static Assets {
    static ASSETS: OnceLock<Assets> = OnceLock::new();
    ASSETS.get_or_init(|| {
        let name = options.output_name.to_string();
        let hashes = options
            .hash_files
            .then(|| {
                let dir = std::env::current_exe().ok()?.parent()?.to_path_buf();
                let path = dir.join(options.hash_file.as_ref());
                match std::fs::read_to_string(&path) {
                    Ok(text) => Some(text),
                    Err(e) => {
                        tracing::error!(
                            "hash-files is on but {} is unreadable: {e}",
                            path.display()
                        );
                        None
                    }
                }
            })
            .flatten()
            .unwrap_or_default();
        let hashed = |kind: &str| {
            hashes
                .lines()
                .filter_map(|line| line.trim().split_once(':'))
                .find(|(file, _)| file.trim() == kind)
                .map(|(_, hash)| format!("{name}.{}", hash.trim()))
        };
        let pkg = &options.site_pkg_dir;
        let css = hashed("css").unwrap_or_else(|| name.clone());
        let js = hashed("js").unwrap_or_else(|| name.clone());
        // wasm-bindgen's `_bg` suffix stays when cargo-leptos did not name
        // the output (as leptos's own `HydrationScripts` decides).
        let wasm = hashed("wasm").unwrap_or_else(|| match option_env!("LEPTOS_OUTPUT_NAME") {
            Some(_) => name.clone(),
            None => format!("{name}_bg"),
        });
        Assets {
            stylesheet: format!("/{pkg}/{css}.css"),
            loader: format!(
                "{}({pkg:?}, {:?}, {:?});",
                without_comments(include_str!("island_loader.js")),
                format!("{js}.js"),
                format!("{wasm}.wasm"),
            ),
        }
    })
}

/// The loader as every page carries it: its comments are for this repository.
fn without_comments(script: &str) -> String {
    script
        .lines()
        .filter(|line| !line.trim_start().starts_with("//") && !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[component]
pub fn BuiltAssets(options: LeptosOptions) -> impl IntoView {
    let assets = assets(&options);
    // The page's HTML is the islands' starting point: nothing in it is
    // hydrated as a whole (what `HydrationScripts` does in islands mode).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! {
        <link id="leptos" rel="stylesheet" href=assets.stylesheet.as_str() />
        <script type="module" nonce=use_nonce()>{assets.loader.as_str()}</script>
    }
}
