//! The trail from the home page to this one.

use leptos::prelude::*;

/// `(label, path)` pairs; the last is the current page and is not a link.
#[component]
pub fn Breadcrumbs(trail: Vec<(String, String)>) -> impl IntoView {
    let last = trail.len().saturating_sub(1);
    view! {
        <nav aria-label="Breadcrumb" class="mb-4 text-sm text-stone-600">
            <ol class="flex flex-wrap gap-1">
                {trail
                    .into_iter()
                    .enumerate()
                    .map(|(i, (label, path))| {
                        if i == last {
                            view! { <li aria-current="page" class="text-stone-900">{label}</li> }.into_any()
                        } else {
                            view! {
                                <li>
                                    <a href=path class="text-teal-800 underline">{label}</a>
                                    <span aria-hidden="true" class="px-1">"›"</span>
                                </li>
                            }
                            .into_any()
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
