//! `/admin/categories`: edit each category in place, add new ones; the
//! position number orders them in menus and on the home page.

use crate::{
    api::admin::categories::{admin_categories, SaveCategory},
    domain::AdminCategory,
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON},
        form::{last_error, Field, FormAlert},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CategoriesPage() -> impl IntoView {
    let rows = Resource::new(|| (), |_| admin_categories());
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    view! {
        <AdminFrame title="Categories">
            {saved.then(|| view! { <Notice>"Saved."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! { <Categories rows /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/categories" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Categories(rows: Vec<AdminCategory>) -> impl IntoView {
    let action = ServerAction::<SaveCategory>::new();
    let error = last_error(action);
    view! {
        <FormAlert error />
        {rows.into_iter().map(|c| {
            let id = c.id;
            let name = move |n: &str| format!("{n}-{id}");
            view! {
                <details class="mb-2 rounded border border-stone-200 bg-white p-3">
                    <summary class="cursor-pointer font-medium">{c.name.clone()} <span class="text-sm text-stone-500">{format!(" · /c/{} · {} · position {}", c.slug, crate::ui::components::counts::products(c.product_count), c.position)}</span></summary>
                    <ActionForm action attr:novalidate=true attr:class="mt-3 grid gap-x-4 md:grid-cols-2">
                        <input type="hidden" name="id" value=c.id />
                        <Field label="Name" name=name("name") error initial=c.name.clone() />
                        <Field label="Address (slug)" name=name("slug") error initial=c.slug.clone() />
                        <Field label="Description" name=name("description") error initial=c.description.clone() />
                        <Field label="Position" name=name("position") error initial=c.position.to_string() />
                        <div><button type="submit" class=SMALL_BUTTON>"Save category"</button></div>
                    </ActionForm>
                </details>
            }
        }).collect_view()}
        <Panel heading="New category">
            <ActionForm action attr:novalidate=true attr:class="grid gap-x-4 md:grid-cols-2">
                <input type="hidden" name="id" value="" />
                <Field label="Name" name="name" error />
                <Field label="Address (slug)" name="slug" error hint="Made from the name when blank." />
                <Field label="Description" name="description" error />
                <Field label="Position" name="position" error initial="0" />
                <div><button type="submit" class=BUTTON>"Add category"</button></div>
            </ActionForm>
        </Panel>
    }
}
