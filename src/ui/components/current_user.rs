//! The signed-in user, loaded once per page and shared through context.

use crate::{api::session::current_user, domain::SignedInUser};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CurrentUserResource(pub Resource<Option<SignedInUser>>);

pub fn provide_current_user() {
    // Errors (a database hiccup) show the visitor's menu rather than breaking the page.
    let resource = Resource::new(|| (), |_| async { current_user().await.ok().flatten() });
    provide_context(CurrentUserResource(resource));
}

pub fn use_current_user() -> Resource<Option<SignedInUser>> {
    expect_context::<CurrentUserResource>().0
}
