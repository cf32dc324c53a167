//! `/partners`, `/partners/ipp`, `/partners/bpp`, `/partners/faq`: the
//! programme's pages. Their text is an ordinary content page (slugs
//! `partners`, `partners-ipp` …) edited in the admin; this page adds the
//! section's navigation and the "Apply" call to action.

use crate::{
    api::content::load_page,
    ui::{
        components::{access::Refused, seo::SocialTags},
        pages::not_found_page::NotFoundPage,
    },
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `(path, content page slug, label)` of each page in the section.
pub const SECTION: [(&str, &str, &str); 4] = [
    ("/partners", "partners", "The programme"),
    ("/partners/ipp", "partners-ipp", "Individuals"),
    ("/partners/bpp", "partners-bpp", "Businesses"),
    ("/partners/faq", "partners-faq", "FAQ"),
];

/// Where a programme page's content is shown, for its canonical URL.
pub fn path_of(slug: &str) -> Option<&'static str> {
    SECTION
        .iter()
        .find(|(_, s, _)| *s == slug)
        .map(|(path, _, _)| *path)
}

#[component]
pub fn PartnerInfoPage(path: &'static str) -> impl IntoView {
    let slug = SECTION
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|(_, slug, _)| *slug)
        .unwrap_or("partners");
    let page = Resource::new(move || slug.to_string(), load_page);
    let apply_kind = match slug {
        "partners-bpp" => "bpp",
        _ => "ipp",
    };
    view! {
        <nav aria-label="Partner programme" class="mb-6 flex flex-wrap gap-2 text-sm">
            {SECTION.iter().map(|(p, _, label)| {
                let current = *p == path;
                view! {
                    <a
                        href=*p
                        aria-current=current.then_some("page")
                        class=if current { "rounded bg-teal-700 px-3 py-1.5 text-white" } else { "rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100" }
                    >{*label}</a>
                }
            }).collect_view()}
        </nav>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <Title text=page.seo_title.clone() />
                        <Meta name="description" content=page.seo_description.clone() />
                        <SocialTags title=page.seo_title.clone() description=page.seo_description.clone() canonical=path image="/favicon.svg".to_string() />
                        <article class="prose max-w-3xl">
                            <h1 class="mb-4 text-3xl font-bold tracking-tight">{page.title}</h1>
                            <div data-testid="page-body" inner_html=page.html></div>
                        </article>
                    }.into_any(),
                    Err(crate::domain::AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/partners" /> }.into_any(),
                }
            })}
        </Suspense>
        <div class="mt-8 flex flex-wrap gap-3">
            <a href=format!("/partners/apply?kind={apply_kind}") class="rounded bg-teal-700 px-5 py-2.5 font-semibold text-white hover:bg-teal-800">
                "Apply now"
            </a>
            <a href="/partners/faq" class="rounded border border-stone-300 px-5 py-2.5 hover:bg-stone-100">"Questions? Read the FAQ"</a>
        </div>
    }
}
