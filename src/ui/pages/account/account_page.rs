//! `/account`: the signed-in user's details, password change and log out.

use crate::{
    api::{orders::my_orders, password::ChangePassword},
    domain::{status_label, SignedInUser},
    ui::components::{
        current_user::use_current_user,
        form::{last_error, FormAlert, PasswordField, SubmitButton},
        notice::Notice,
        page_header::PageHeader,
    },
};
use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_query_map};

#[component]
pub fn AccountPage() -> impl IntoView {
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Some(user) => view! { <Account user /> }.into_any(),
                    None => view! { <Redirect path="/login?next=/account" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Account(user: SignedInUser) -> impl IntoView {
    let query = use_query_map();
    let welcome = query.with_untracked(|q| q.get("welcome").is_some());
    let changed = query.with_untracked(|q| q.get("password_changed").is_some());
    view! {
        <PageHeader title="My account" description="Your Haat account: details, orders and password." />
        {welcome.then(|| view! { <Notice>"Welcome to Haat! Your account is ready."</Notice> })}
        {changed.then(|| view! { <Notice>"Your password was changed. Other devices were signed out."</Notice> })}
        <div class="grid gap-6 md:grid-cols-2">
            <section aria-labelledby="details-heading" class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <h2 id="details-heading" class="mb-4 text-xl font-semibold">"Your details"</h2>
                <dl class="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
                    <dt class="text-stone-500">"Name"</dt>
                    <dd data-testid="account-name">{user.name}</dd>
                    <dt class="text-stone-500">"Email"</dt>
                    <dd data-testid="account-email">{user.email}</dd>
                    <dt class="text-stone-500">"Mobile"</dt>
                    <dd>{user.mobile.unwrap_or_else(|| "—".into())}</dd>
                </dl>
            </section>
            <ChangePasswordForm />
        </div>
        <MyOrders />
    }
}

#[component]
fn MyOrders() -> impl IntoView {
    let orders = Resource::new(|| (), |_| my_orders());
    view! {
        <section aria-labelledby="orders-heading" class="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
            <h2 id="orders-heading" class="mb-4 text-xl font-semibold">"Your orders"</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let orders = orders.await.unwrap_or_default();
                    if orders.is_empty() {
                        view! { <p>"No orders yet."</p> }.into_any()
                    } else {
                        view! {
                            <ul data-testid="my-orders">
                                {orders.into_iter().map(|o| view! {
                                    <li class="flex flex-wrap justify-between gap-2 border-b border-stone-100 py-2">
                                        <a href=format!("/orders/{}", o.reference) class="font-semibold text-teal-800 underline">{o.reference.clone()}</a>
                                        <span class="text-stone-600">{o.placed_at}</span>
                                        <span>{status_label(&o.status)}</span>
                                        <span class="font-semibold">{o.total.to_string()}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let error = last_error(action);
    view! {
        <section aria-labelledby="password-heading" class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
            <h2 id="password-heading" class="mb-4 text-xl font-semibold">"Change password"</h2>
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <PasswordField label="Current password" name="current_password" autocomplete="current-password" error />
                <PasswordField
                    label="New password"
                    name="new_password"
                    autocomplete="new-password"
                    hint="8 to 128 characters. Other devices will be signed out."
                    error
                />
                <SubmitButton label="Change password" pending=action.pending().into() />
            </ActionForm>
        </section>
    }
}
