//! What a page shows when the server refused it: signed-out visitors go to
//! the login page (and come back after), others are told they have no access.

use crate::{domain::AppError, ui::components::page_header::PageHeader};
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn Refused(error: AppError, back_to: &'static str) -> impl IntoView {
    match error {
        AppError::Unauthorized => view! { <Redirect path=format!("/login?next={back_to}") /> }.into_any(),
        AppError::Forbidden => view! {
            <PageHeader
                title="You do not have access to this page"
                description="This page is for another kind of account."
            />
            <p>"Your account cannot open this page. " <a class="text-teal-800 underline" href="/">"Go to the home page"</a></p>
        }
        .into_any(),
        other => view! {
            <PageHeader title="Something went wrong" description="This page could not be shown." />
            <p role="alert" data-testid="error-message">{other.to_string()}</p>
        }
        .into_any(),
    }
}
