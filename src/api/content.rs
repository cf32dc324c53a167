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

#[server(prefix = "/api", endpoint = "load_site_chrome", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_site_chrome() -> Result<SiteChrome, AppError> {
    let site = crate::server::shop_settings::site().await?;
    let shop = &site.settings;
    let (header, footer) = site.menus.iter().cloned().partition(|l| l.menu == "header");
    Ok(SiteChrome {
        business_name: shop.business_name.clone(),
        logo_url: shop.logo_url.clone(),
        header,
        footer,
        contact_phone: shop.contact_phone.clone(),
        contact_email: shop.contact_email.clone(),
        address: shop.address.clone(),
    })
}
