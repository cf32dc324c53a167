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
    let render = Action::new(|text: &String| {
        let text = text.clone();
        async move { preview_markdown(text).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(html)) = render.value().get() {
            preview.set(html);
        }
    });
    view! {
        <div class="grid gap-4 lg:grid-cols-2">
            <TextArea
                label
                name
                error
                initial
                rows
                hint="Markdown: ## heading, **bold**, - list item, [link](/about)."
                on_input=Callback::new(move |text: String| { render.dispatch(text); })
            />
            <div>
                <p class="mb-1 block font-medium">"Preview"</p>
                <div data-testid="markdown-preview" class="prose max-w-none rounded border border-dashed border-stone-300 bg-stone-50 p-3" inner_html=move || preview.get()></div>
            </div>
        </div>
    }
}
