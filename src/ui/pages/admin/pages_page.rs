//! `/admin/pages`: the site's content pages, published or draft.

use crate::{
    api::admin::content::admin_pages,
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, BUTTON, TABLE},
    },
};
use leptos::prelude::*;

#[component]
pub fn PagesPage() -> impl IntoView {
    let rows = Resource::new(|| (), |_| admin_pages());
    view! {
        <AdminFrame title="Pages">
            <p class="mb-4"><a href="/admin/pages/new" class=BUTTON>"New page"</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! {
                            <table class=TABLE data-testid="admin-pages">
                                <thead><tr><th scope="col">"Title"</th><th scope="col">"Address"</th><th scope="col">"State"</th><th scope="col">"Updated"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|p| view! {
                                        <tr>
                                            <td><a class="font-medium text-teal-800 underline" href=format!("/admin/pages/{}", p.id)>{p.title}</a></td>
                                            <td class="font-mono">{format!("/{}", p.slug)}</td>
                                            <td>{if p.published { "Published" } else { "Draft" }}</td>
                                            <td>{p.updated_at}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/pages" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}
