//! The header's account links, different for each role: visitors are offered
//! log in and sign up; customers their account; partners and staff also the
//! dashboard; admins also the admin.

use crate::{
    api::session::Logout, domain::SignedInUser, ui::components::current_user::use_current_user,
};
use leptos::prelude::*;

#[component]
pub fn AccountMenu() -> impl IntoView {
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Some(user) => view! { <SignedInMenu user /> }.into_any(),
                    None => view! { <SignedOutMenu /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const LINK: &str = "rounded px-3 py-2 text-stone-700 hover:bg-stone-100 hover:text-stone-900";

#[component]
fn SignedOutMenu() -> impl IntoView {
    view! {
        <ul class="flex items-center gap-1" aria-label="Account">
            <li><a class=LINK href="/cart">"Cart"</a></li>
            <li><a class=LINK href="/login">"Log in"</a></li>
            <li>
                <a class="rounded bg-teal-700 px-3 py-2 font-medium text-white hover:bg-teal-800" href="/signup">
                    "Sign up"
                </a>
            </li>
        </ul>
    }
}

#[component]
fn SignedInMenu(user: SignedInUser) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let role = user.role;
    let first_name = user
        .name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    view! {
        <ul class="flex flex-wrap items-center gap-1" aria-label="Account">
            <li class="px-2 text-sm text-stone-500">"Hello, " {first_name}</li>
            <Show when=move || role.has_admin()>
                <li><a class=LINK href="/admin">"Admin"</a></li>
            </Show>
            <Show when=move || role.has_dashboard()>
                <li><a class=LINK href="/dashboard">"Dashboard"</a></li>
            </Show>
            <li><a class=LINK href="/cart">"Cart"</a></li>
            <li><a class=LINK href="/account">"My account"</a></li>
            <li>
                <ActionForm action=logout>
                    <button type="submit" class=LINK>"Log out"</button>
                </ActionForm>
            </li>
        </ul>
    }
}
