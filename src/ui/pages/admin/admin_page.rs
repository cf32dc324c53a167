//! `/admin`: the admin landing page, for admins only.

use crate::{
    api::dashboards::{admin_home, AdminOverview},
    ui::components::{access::Refused, admin_frame::AdminFrame},
};
use leptos::prelude::*;

#[component]
pub fn AdminPage() -> impl IntoView {
    let home = Resource::new(|| (), |_| admin_home());
    view! {
        <AdminFrame title="Admin">
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(home) => view! { <Admin home /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/admin" /> }.into_any(),
                }
            })}
        </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Admin(home: AdminOverview) -> impl IntoView {
    view! {
        <p class="mb-6 text-stone-600">"Welcome, " {home.admin_name} ". Run the shop: orders, products, pages, settings and users."</p>
        <div class="grid gap-6 md:grid-cols-2">
            <section class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <h2 class="mb-4 text-xl font-semibold">"Accounts"</h2>
                <table class="w-full text-left">
                    <thead><tr><th scope="col">"Role"</th><th scope="col" class="text-right">"Accounts"</th></tr></thead>
                    <tbody>
                        {home.accounts_by_role.into_iter().map(|(role, count)| view! {
                            <tr class="border-t border-stone-100"><td class="py-1 capitalize">{role}</td><td class="py-1 text-right">{count}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <h2 class="mb-4 text-xl font-semibold">"Email"</h2>
                <p><span data-testid="emails-waiting">{home.emails_waiting}</span> " emails waiting to be delivered."</p>
            </section>
        </div>
    }
}
