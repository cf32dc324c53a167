//! `/dashboard`: the landing page for partners, staff and admins.

use crate::{
    api::dashboards::dashboard_home,
    domain::{Role, SignedInUser},
    ui::{
        components::{access::Refused, page_header::PageHeader},
        pages::dashboard::partner_section::PartnerSection,
    },
};
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let home = Resource::new(|| (), |_| dashboard_home());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(user) => view! { <Dashboard user /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/dashboard" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(user: SignedInUser) -> impl IntoView {
    let (role_name, work) = match user.role {
        Role::Partner => ("Partner", ""),
        Role::Staff => (
            "Staff",
            "Orders and stock are in the admin's order and product screens; sales and managers work the leads board.",
        ),
        Role::Admin => (
            "Admin",
            "Everything staff see, plus the admin for products, content, settings and users.",
        ),
        Role::Customer => ("Customer", ""),
    };
    view! {
        <PageHeader title="Dashboard" description="Your Haat dashboard." />
        <p class="mb-6 text-stone-600">
            "Signed in as " <strong>{user.name}</strong> " · " <span data-testid="dashboard-role">{role_name}</span>
        </p>
        {if user.role == Role::Partner {
            view! { <PartnerSection /> }.into_any()
        } else {
            view! {
                <section class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                    <h2 class="mb-2 text-xl font-semibold">"Your work"</h2>
                    <p>{work}</p>
                    <ul class="mt-3 flex flex-wrap gap-3">
                        <li><a class="text-teal-800 underline" href="/crm">"Leads board"</a></li>
                        <li><a class="text-teal-800 underline" href="/admin/orders">"Orders"</a></li>
                    </ul>
                </section>
            }.into_any()
        }}
    }
}
