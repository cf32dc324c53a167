//! Public content: published pages at their address, and what every page's
//! header and footer show (the business, its menus and contact details).

use crate::domain::{AppError, MenuLink};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentPage {
    pub slug: String,
    pub title: String,
    /// Sanitised HTML rendered from the page's markdown.
    pub html: String,
    pub seo_title: String,
    pub seo_description: String,
}

/// A published page; unpublished and unknown pages are 404.
#[server(prefix = "/api", endpoint = "load_page", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_page(slug: String) -> Result<ContentPage, AppError> {
    use crate::{
        db::pages,
        server::{
            errors::{not_found, OrInternal},
            markdown::to_safe_html,
            state::app_state,
        },
    };
    let Some(page) = pages::published(&app_state().pool, &slug)
        .await
        .or_internal("reading a page")?
    else {
        return Err(not_found());
    };
    Ok(ContentPage {
        html: to_safe_html(&page.body),
        slug: page.slug,
        seo_title: if page.seo_title.is_empty() {
            page.title.clone()
        } else {
            page.seo_title
        },
        seo_description: page.seo_description,
        title: page.title,
    })
}

/// Provided to each page's render by the server (`site_cache::attach_to_pages`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SiteChrome {
    pub business_name: String,
    pub logo_url: Option<String>,
    pub header: Vec<MenuLink>,
    pub footer: Vec<MenuLink>,
    pub contact_phone: String,
    pub contact_email: String,
    pub address: String,
}
