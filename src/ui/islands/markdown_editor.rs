//! A markdown text area with a preview: the saved text rendered by the
//! server at first, then, in the browser, updated as the admin types.

use crate::{
    api::admin::products::preview_markdown, domain::AppError, ui::components::form::TextArea,
};
use leptos::prelude::*;

/// `error`: the refused post this form came back with, if any (it holds
/// the typed text and the message beside the field).
#[island]
pub fn MarkdownEditor(
    label: String,
    name: String,
    error: Option<AppError>,
    initial: String,
    initial_html: String,
    rows: u32,
) -> impl IntoView {
    let error = Signal::stored(error);
    let preview = RwSignal::new(initial_html);
    // Answers can arrive out of order; only the latest keystroke's counts.
    let latest = StoredValue::new(0u32);
    let render = move |text: String| {
        let request = latest.get_value().wrapping_add(1);
        latest.set_value(request);
        leptos::task::spawn_local(async move {
            if let Ok(html) = preview_markdown(text).await {
                if latest.get_value() == request {
                    preview.set(html);
                }
            }
        });
    };
    view! {
        <div class="grid gap-4 lg:grid-cols-2">
            <TextArea
                label
                name
                error
                initial
                rows
                hint="Markdown: ## heading, **bold**, - list item, [link](/about)."
                on_input=Callback::new(render)
            />
            <div>
                <p class="mb-1 block font-medium">"Preview"</p>
                <div data-testid="markdown-preview" class="prose max-w-none rounded border border-dashed border-stone-300 bg-stone-50 p-3" inner_html=move || preview.get()></div>
            </div>
        </div>
    }
}
