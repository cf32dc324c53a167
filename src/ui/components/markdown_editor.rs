//! A markdown text area with a preview: the saved text rendered by the
//! server at first, then, once hydrated, updated as the admin types.

use crate::{
    api::admin::products::preview_markdown, domain::AppError, ui::components::form::TextArea,
};
use leptos::prelude::*;

#[component]
pub fn MarkdownEditor(
    label: &'static str,
    name: &'static str,
    error: Signal<Option<AppError>>,
    initial: String,
    initial_html: String,
    #[prop(default = 10)] rows: u32,
) -> impl IntoView {
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
