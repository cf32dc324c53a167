//! A button that copies a text to the clipboard, in the browser.
//! Without JavaScript it stays disabled, and the text beside it can be
//! selected and copied by hand.

use leptos::prelude::*;

#[island]
pub fn CopyButton(text: String, label: String) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let copied = RwSignal::new(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            // The promise settles later; the label changes at once, as the
            // write to the clipboard only fails without a user gesture.
            let _ = window.navigator().clipboard().write_text(&text);
            copied.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &text;
    };
    view! {
        <button
            type="button"
            class="rounded border border-stone-300 px-3 py-2 text-sm hover:bg-stone-100 disabled:opacity-50"
            disabled=move || !hydrated.get()
            on:click=copy
        >
            <span aria-live="polite">{move || if copied.get() { "Copied".to_string() } else { label.clone() }}</span>
        </button>
    }
}
