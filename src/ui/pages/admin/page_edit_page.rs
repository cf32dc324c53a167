//! `/admin/pages/{id}` (and `/admin/pages/new`): a page's text in markdown
//! with its preview, SEO fields, draft or published, and its revisions.

use crate::ui::islands::markdown_editor::MarkdownEditor;
use crate::{
    api::admin::content::{load_page_editor, RestoreRevision, SavePage},
    domain::PageEditor,
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON, TABLE},
        form::{last_error, CheckboxField, Field, FormAlert},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PageEditPage() -> impl IntoView {
    let params = use_params_map();
    let editor = Resource::new(
        move || params.with(|p| p.get("id").and_then(|id| id.parse::<i32>().ok())),
        load_page_editor,
    );
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved").is_some());
    let restored = query.with_untracked(|q| q.get("restored").is_some());
    view! {
        <AdminFrame title="Page">
            {saved.then(|| view! { <Notice>"Saved."</Notice> })}
            {restored.then(|| view! { <Notice>"The revision was restored."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(editor) => view! { <Editor editor /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/pages" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Editor(editor: PageEditor) -> impl IntoView {
    let action = ServerAction::<SavePage>::new();
    let error = last_error(action);
    let restore = ServerAction::<RestoreRevision>::new();
    let f = editor.fields;
    let is_new = editor.id.is_none();
    view! {
        {(!is_new && f.published).then(|| view! {
            <p class="mb-4">"Live at " <a class="text-teal-800 underline" href=format!("/{}", f.slug)>{format!("/{}", f.slug)}</a></p>
        })}
        <Panel heading="Content">
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <input type="hidden" name="id" value=editor.id.map(|id| id.to_string()).unwrap_or_default() />
                <div class="grid gap-x-4 md:grid-cols-2">
                    <Field label="Title" name="title" error initial=f.title.clone() required=true />
                    <Field label="Address (slug)" name="slug" error initial=f.slug.clone() hint="Made from the title when blank." />
                    <Field label="SEO title" name="seo_title" error initial=f.seo_title.clone() hint="Shown in search results; the title when blank." />
                    <Field label="SEO description" name="seo_description" error initial=f.seo_description.clone() hint="About 155 characters." />
                </div>
                <MarkdownEditor label="Text".to_string() name="body".to_string() error=error.get_untracked() initial=f.body.clone() initial_html=editor.preview_html rows=16 />
                <CheckboxField label="Published (visible to everyone)" name="published" error initial=f.published />
                <button type="submit" class=BUTTON>{if is_new { "Create page" } else { "Save page" }}</button>
            </ActionForm>
        </Panel>
        {(!is_new).then(|| view! {
            <Panel heading="Revisions">
                <table class=TABLE data-testid="revisions">
                    <thead><tr><th scope="col">"Saved"</th><th scope="col">"Title"</th><th scope="col">"By"</th><th scope="col"><span class="sr-only">"Restore"</span></th></tr></thead>
                    <tbody>
                        {editor.revisions.into_iter().enumerate().map(|(i, r)| view! {
                            <tr>
                                <td>{r.at}</td>
                                <td>{r.title}</td>
                                <td>{r.author.unwrap_or_else(|| "Demo data".into())}</td>
                                <td>
                                    {(i > 0).then(|| view! {
                                        <ActionForm action=restore>
                                            <input type="hidden" name="revision_id" value=r.id />
                                            <button type="submit" class=SMALL_BUTTON>"Restore"</button>
                                        </ActionForm>
                                    })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Panel>
        })}
    }
}
