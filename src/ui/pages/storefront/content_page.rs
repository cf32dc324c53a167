//! `/{slug}`: a content page written in the admin (About, Contact, FAQ …).
//! Unpublished and unknown pages are 404.

use crate::{
    api::content::load_page,
    ui::{
        components::{access::Refused, enquiry_form::EnquiryForm, seo::SocialTags},
        pages::{not_found_page::NotFoundPage, partners::info_page::path_of},
    },
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ContentPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.with(|p| p.get("slug").unwrap_or_default()),
        load_page,
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => {
                        // The programme's pages also answer here; their home is /partners/….
                        let canonical = path_of(&page.slug)
                            .map(str::to_string)
                            .unwrap_or_else(|| format!("/{}", page.slug));
                        view! {
                            <Title text=page.seo_title.clone() />
                            <Meta name="description" content=page.seo_description.clone() />
                            <SocialTags title=page.seo_title.clone() description=page.seo_description.clone() canonical image="/favicon.svg".to_string() />
                            <article class="prose max-w-3xl">
                                <h1 class="mb-4 text-3xl font-bold tracking-tight">{page.title}</h1>
                                <div data-testid="page-body" inner_html=page.html></div>
                            </article>
                            {(page.slug == "contact").then(|| view! { <EnquiryForm consultation=false /> })}
                        }
                        .into_any()
                    }
                    Err(crate::domain::AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
