//! `/admin/users`: find accounts, change their role, disable or enable them.

use crate::{
    api::admin::users::{admin_users, UpdateUser},
    domain::AdminUserRow,
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, BUTTON, SMALL_BUTTON, TABLE},
        form::{last_error, FormAlert},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn UsersPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.with(|q| q.get(name).unwrap_or_default());
    let rows = Resource::new(
        move || (param("q"), param("role")),
        |(q, role)| admin_users(q, role),
    );
    let saved = query.with_untracked(|q| q.get("saved").is_some());
    view! {
        <AdminFrame title="Users">
            {saved.then(|| view! { <Notice>"Saved."</Notice> })}
            <Form method="GET" action="/admin/users" attr:class="mb-4 flex flex-wrap items-end gap-2" attr:role="search">
                <div>
                    <label for="q" class="block text-sm font-medium">"Name, email or mobile"</label>
                    <input id="q" name="q" type="search" value=move || param("q") class="rounded border border-stone-300 px-3 py-2" />
                </div>
                <button type="submit" class=BUTTON>"Search"</button>
            </Form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! { <UserTable rows /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/users" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn UserTable(rows: Vec<AdminUserRow>) -> impl IntoView {
    let action = ServerAction::<UpdateUser>::new();
    let error = last_error(action);
    view! {
        <FormAlert error />
        <table class=TABLE data-testid="admin-users">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Joined"</th><th scope="col">"Role and access"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|u| {
                    let role_id = format!("role-{}", u.id);
                    let disabled_id = format!("disabled-{}", u.id);
                    let staff_role_id = format!("staff_role-{}", u.id);
                    let password_id = format!("password-{}", u.id);
                    let message = {
                        let fields = [format!("role-{}", u.id), password_id.clone()];
                        move || error.get().and_then(|e| {
                            let form = e.form_errors()?;
                            let messages: Vec<&str> = fields.iter().filter_map(|f| form.field(f)).collect();
                            (!messages.is_empty()).then(|| messages.join(" "))
                        })
                    };
                    view! {
                        <tr data-email=u.email.clone()>
                            <td>{u.name}</td>
                            <td>{u.email.clone()}</td>
                            <td>{u.created_at}</td>
                            <td>
                                <ActionForm action attr:class="flex flex-wrap items-center gap-2">
                                    <input type="hidden" name="id" value=u.id.clone() />
                                    <label for=role_id.clone() class="sr-only">"Role"</label>
                                    <select id=role_id.clone() name="role" class="rounded border border-stone-300 px-2 py-1">
                                        {["customer", "partner", "staff", "admin"].into_iter().map(|r| view! {
                                            <option value=r selected=u.role == r>{r}</option>
                                        }).collect_view()}
                                    </select>
                                    <label for=staff_role_id.clone() class="sr-only">"Staff role"</label>
                                    <select id=staff_role_id name="staff_role" class="rounded border border-stone-300 px-2 py-1">
                                        <option value="" selected=u.staff_role.is_none()>"(no staff role)"</option>
                                        {["manager", "pharmacist", "sales", "auditor"].into_iter().map(|r| view! {
                                            <option value=r selected=u.staff_role.as_deref() == Some(r)>{r}</option>
                                        }).collect_view()}
                                    </select>
                                    <label for=disabled_id.clone() class="sr-only">"Access"</label>
                                    <select id=disabled_id name="disabled" class="rounded border border-stone-300 px-2 py-1">
                                        <option value="no" selected=!u.disabled>"Can log in"</option>
                                        <option value="yes" selected=u.disabled>"Disabled"</option>
                                    </select>
                                    <label for=password_id.clone() class="sr-only">"Your password"</label>
                                    <input id=password_id name="password" type="password" required autocomplete="current-password" placeholder="Your password" class="rounded border border-stone-300 px-2 py-1" />
                                    <button type="submit" class=SMALL_BUTTON>"Save"</button>
                                </ActionForm>
                                {move || message().map(|m| view! { <p class="mt-1 text-sm text-red-700">{m}</p> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
