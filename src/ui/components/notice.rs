//! A success notice, for example after a redirect that carries `?sent=1`.

use leptos::prelude::*;

#[component]
pub fn Notice(children: Children) -> impl IntoView {
    view! {
        <div role="status" class="mb-4 rounded border border-teal-300 bg-teal-50 px-4 py-3 text-teal-900">
            {children()}
        </div>
    }
}
