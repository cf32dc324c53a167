//! The storefront's reads: home, category listings, product pages, search.
//! Open to everyone; nothing here changes data.

use crate::domain::{AppError, CategorySummary, Listing, MatchCount, ProductCard, ProductDetail};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeData {
    pub categories: Vec<CategorySummary>,
    pub featured: Vec<ProductCard>,
    pub bestsellers: Vec<ProductCard>,
    pub hero_title: String,
    pub hero_text: String,
}

#[server(prefix = "/api", endpoint = "load_home")]
pub async fn load_home() -> Result<HomeData, AppError> {
    use crate::{
        db::catalog,
        server::{errors::OrInternal, state::app_state},
    };
    let pool = &app_state().pool;
    let shop = crate::server::shop_settings::current().await?;
    Ok(HomeData {
        hero_title: shop.hero_title,
        hero_text: shop.hero_text,
        categories: catalog::categories(pool)
            .await
            .or_internal("listing categories")?,
        featured: catalog::featured(pool, 8)
            .await
            .or_internal("listing featured products")?,
        bestsellers: catalog::bestsellers(pool, 8)
            .await
            .or_internal("listing bestsellers")?,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPage {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// `(brand, products)` for the brand filter.
    pub brands: Vec<(String, i64)>,
    pub products: Vec<ProductCard>,
    pub total: MatchCount,
}

#[server(prefix = "/api", endpoint = "load_category")]
pub async fn load_category(slug: String, listing: Listing) -> Result<CategoryPage, AppError> {
    use crate::{
        db::catalog,
        server::{errors::OrInternal, state::app_state},
    };
    let pool = &app_state().pool;
    let listing = listing.normalized();
    let Some(category) = catalog::category_by_slug(pool, &slug)
        .await
        .or_internal("finding a category")?
    else {
        return Err(crate::server::errors::not_found());
    };
    let brands = catalog::brands_in(pool, category.id)
        .await
        .or_internal("listing brands")?;
    let (products, total) = catalog::listing(pool, category.id, &listing)
        .await
        .or_internal("listing a category")?;
    Ok(CategoryPage {
        slug: category.slug,
        name: category.name,
        description: category.description,
        brands,
        products,
        total,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProductPage {
    Found {
        product: Box<ProductDetail>,
        also_bought: Vec<ProductCard>,
    },
    /// The product now lives at this slug.
    Moved(String),
}

#[server(prefix = "/api", endpoint = "load_product")]
pub async fn load_product(slug: String) -> Result<ProductPage, AppError> {
    use crate::{
        db::catalog,
        domain::Paise,
        server::{
            errors::{not_found, permanent_redirect, OrInternal},
            state::app_state,
        },
    };
    let pool = &app_state().pool;
    let Some(row) = catalog::product_by_slug(pool, &slug)
        .await
        .or_internal("finding a product")?
    else {
        return match catalog::renamed_to(pool, &slug)
            .await
            .or_internal("finding a renamed product")?
        {
            Some(new_slug) => {
                permanent_redirect(&format!("/p/{new_slug}"));
                Ok(ProductPage::Moved(new_slug))
            }
            None => Err(not_found()),
        };
    };
    let images = catalog::images(pool, row.id)
        .await
        .or_internal("listing images")?;
    let also_bought = catalog::also_bought(pool, row.id, 4)
        .await
        .or_internal("finding related products")?;
    let first = images.first().cloned();
    Ok(ProductPage::Found {
        product: Box::new(ProductDetail {
            card: ProductCard {
                id: row.id,
                slug: row.slug,
                name: row.name.clone(),
                brand: row.brand,
                unit: row.unit,
                price: Paise(row.price_paise),
                mrp: Paise(row.mrp_paise),
                stock: row.stock,
                image: first.as_ref().map(|i| i.path.clone()).unwrap_or_default(),
                image_alt: first.map(|i| i.alt).unwrap_or(row.name),
            },
            sku: row.sku,
            description_html: crate::server::markdown::to_safe_html(&row.description),
            description: row.description,
            gst_rate: row.gst_rate,
            category_slug: row.category_slug,
            category_name: row.category_name,
            images,
            updated_at: row.updated_at,
        }),
        also_bought,
    })
}

pub const SEARCH_PAGE_SIZE: i64 = 24;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub products: Vec<ProductCard>,
    pub total: MatchCount,
    /// Shown when nothing matched: where to look instead.
    pub categories: Vec<CategorySummary>,
    pub bestsellers: Vec<ProductCard>,
}

#[server(prefix = "/api", endpoint = "search")]
pub async fn search(q: String, page: i64) -> Result<SearchResults, AppError> {
    use crate::{
        db::catalog,
        server::{errors::OrInternal, state::app_state},
    };
    let state = app_state();
    refuse_too_many_searches(&state).await?;
    let pool = &state.pool;
    let query: String = q.trim().chars().take(100).collect();
    let page = page.clamp(1, 1_000);
    let (products, total) = if query.is_empty() {
        (Vec::new(), MatchCount::default())
    } else {
        crate::db::search::search(
            pool,
            &query,
            SEARCH_PAGE_SIZE,
            (page - 1) * SEARCH_PAGE_SIZE,
        )
        .await
        .or_internal("searching")?
    };
    let (categories, bestsellers) = if products.is_empty() {
        (
            catalog::categories(pool)
                .await
                .or_internal("listing categories")?,
            catalog::bestsellers(pool, 4)
                .await
                .or_internal("listing bestsellers")?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(SearchResults {
        query,
        products,
        total,
        categories,
        bestsellers,
    })
}

/// A product as the search box suggests it: only what the list shows, so
/// the browser's code decodes four fields, not a whole card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub slug: String,
    pub name: String,
    pub brand: String,
    pub unit: String,
}

/// Up to six products for the search box's suggestions while typing.
#[server(prefix = "/api", endpoint = "suggest", input = leptos::server_fn::codec::GetUrl)]
pub async fn suggest(q: String) -> Result<Vec<Suggestion>, AppError> {
    use crate::{
        db::search::search,
        server::{errors::OrInternal, state::app_state},
    };
    let query: String = q.trim().chars().take(100).collect();
    if query.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let state = app_state();
    refuse_too_many_searches(&state).await?;
    let (products, _) = search(&state.pool, &query, 6, 0)
        .await
        .or_internal("suggesting")?;
    Ok(products
        .into_iter()
        .map(|p| Suggestion {
            slug: p.slug,
            name: p.name,
            brand: p.brand,
            unit: p.unit,
        })
        .collect())
}

/// Searching is the most expensive thing a visitor can ask for: one address
/// gets a limited number a minute (`RATE_LIMIT_SEARCH_PER_IP`), answered 429.
#[cfg(feature = "ssr")]
async fn refuse_too_many_searches(state: &crate::server::state::AppState) -> Result<(), AppError> {
    let ip = crate::server::client_ip::client_ip().await?;
    state.limiters.search(ip).map_err(|wait| {
        crate::server::errors::set_status(http::StatusCode::TOO_MANY_REQUESTS);
        AppError::rate_limited(wait.message(), Vec::new())
    })
}
