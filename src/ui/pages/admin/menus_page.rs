//! `/admin/menus`: the header and footer links, and the home page's hero.

use crate::{
    api::{
        admin::menus::{admin_menus, AddMenuLink, ChangeMenuLink, SaveHome},
        catalog::load_home,
    },
    domain::MenuLink,
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON},
        form::{last_error, Field, FormAlert, SelectField, TextArea},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MenusPage() -> impl IntoView {
    let links = Resource::new(|| (), |_| admin_menus());
    let home = Resource::new(|| (), |_| load_home());
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    view! {
        <AdminFrame title="Menus and home page">
            {saved.then(|| view! { <Notice>"Saved."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match (links.await, home.await) {
                        (Ok(links), Ok(home)) => view! {
                            <Menus links />
                            <Hero title=home.hero_title text=home.hero_text />
                        }.into_any(),
                        (Err(error), _) | (_, Err(error)) => view! { <Refused error back_to="/admin/menus" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Menus(links: Vec<MenuLink>) -> impl IntoView {
    let add = ServerAction::<AddMenuLink>::new();
    let error = last_error(add);
    let change = ServerAction::<ChangeMenuLink>::new();
    let menu = move |which: &'static str, heading: &'static str| {
        let mine: Vec<MenuLink> = links.iter().filter(|l| l.menu == which).cloned().collect();
        view! {
            <Panel heading>
                <ul data-testid=format!("menu-{which}")>
                    {mine.into_iter().map(|l| view! {
                        <li class="flex flex-wrap items-center gap-2 border-b border-stone-100 py-1">
                            <span class="flex-1">{l.label} " " <span class="font-mono text-sm text-stone-500">{l.href}</span></span>
                            {["up", "down", "remove"].into_iter().map(|what| view! {
                                <ActionForm action=change>
                                    <input type="hidden" name="id" value=l.id />
                                    <input type="hidden" name="action" value=what />
                                    <button type="submit" class=SMALL_BUTTON>{match what { "up" => "Up", "down" => "Down", _ => "Remove" }}</button>
                                </ActionForm>
                            }).collect_view()}
                        </li>
                    }).collect_view()}
                </ul>
            </Panel>
        }
    };
    let menus = vec![
        ("header".to_string(), "Header".to_string()),
        ("footer".to_string(), "Footer".to_string()),
    ];
    view! {
        {menu("header", "Header links")}
        {menu("footer", "Footer links")}
        <Panel heading="Add a link">
            <FormAlert error />
            <ActionForm action=add attr:novalidate=true attr:class="grid gap-x-4 md:grid-cols-3">
                <SelectField label="Menu" name="menu" error options=menus />
                <Field label="Text" name="label" error />
                <Field label="Goes to" name="href" error hint="/about or https://…" />
                <div><button type="submit" class=BUTTON>"Add link"</button></div>
            </ActionForm>
        </Panel>
    }
}

#[component]
fn Hero(title: String, text: String) -> impl IntoView {
    let action = ServerAction::<SaveHome>::new();
    let error = last_error(action);
    view! {
        <Panel heading="Home page">
            <p class="mb-3 text-sm text-stone-600">"Featured products are chosen on each product: tick “Feature on the home page”."</p>
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <Field label="Heading" name="hero_title" error initial=title />
                <TextArea label="Text under the heading" name="hero_text" error initial=text rows=3 />
                <button type="submit" class=BUTTON>"Save home page"</button>
            </ActionForm>
        </Panel>
    }
}
