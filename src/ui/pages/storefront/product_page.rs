//! `/p/{slug}`: a product with its pictures, price, stock, description,
//! "Customers also bought", breadcrumbs and structured data. A renamed
//! product's old address answers 301 to the new one.

use crate::{
    api::catalog::{load_product, ProductPage as Page},
    domain::{AppError, ProductCard, ProductDetail},
    ui::{
        components::{
            access::Refused,
            breadcrumbs::Breadcrumbs,
            price::Price,
            product_card::ProductGrid,
            seo::{absolute, JsonLd, SocialTags},
        },
        islands::{add_to_cart::AddToCart, stock_badge::StockBadge},
        pages::not_found_page::NotFoundPage,
    },
};
use crate::{
    api::{cart::AddToCart as AddToCartFn, stock_alerts::NotifyMe as NotifyMeFn},
    ui::components::{
        current_user::use_current_user,
        form::{last_error, Field, FormAlert},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.with(|p| p.get("slug")).unwrap_or_default(),
        load_product,
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Page::Found { product, also_bought }) => view! { <Product product=*product also_bought /> }.into_any(),
                    // The server already answered 301; this is for in-app navigation.
                    Ok(Page::Moved(slug)) => view! {
                        <p>"This product has moved to " <a class="text-teal-800 underline" href=format!("/p/{slug}")>"its new page"</a>"."</p>
                    }
                    .into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/" /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One sentence or 155 characters, for the meta description.
fn summary(text: &str) -> String {
    let short: String = text.chars().take(155).collect();
    match short.rfind(". ") {
        Some(end) if end > 60 => short[..=end].to_string(),
        _ => short,
    }
}

fn structured_data(p: &ProductDetail, path: &str) -> serde_json::Value {
    serde_json::json!([
        {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": p.card.name,
            "sku": p.sku,
            "brand": { "@type": "Brand", "name": p.card.brand },
            "description": p.description,
            "image": p.images.iter().map(|i| absolute(&i.path)).collect::<Vec<_>>(),
            "offers": {
                "@type": "Offer",
                "url": absolute(path),
                "price": p.card.price.decimal(),
                "priceCurrency": "INR",
                "availability": p.card.stock_level().schema_org(),
                "itemCondition": "https://schema.org/NewCondition"
            }
        },
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                { "@type": "ListItem", "position": 1, "name": "Home", "item": absolute("/") },
                { "@type": "ListItem", "position": 2, "name": p.category_name, "item": absolute(&format!("/c/{}", p.category_slug)) },
                { "@type": "ListItem", "position": 3, "name": p.card.name, "item": absolute(path) }
            ]
        }
    ])
}

#[component]
fn Product(product: ProductDetail, also_bought: Vec<ProductCard>) -> impl IntoView {
    let path = format!("/p/{}", product.card.slug);
    let title = format!(
        "{} {} ({})",
        product.card.brand, product.card.name, product.card.unit
    );
    let description = summary(&product.description);
    let max_quantity = product
        .card
        .stock
        .clamp(1, crate::domain::MAX_LINE_QUANTITY);
    let json_ld = structured_data(&product, &path);
    let category_path = format!("/c/{}", product.category_slug);
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <SocialTags title=title description canonical=path.clone() image=crate::domain::image_url(&product.card.image, 800) kind="product" />
        <JsonLd data=json_ld />
        <Breadcrumbs trail=vec![
            ("Home".into(), "/".into()),
            (product.category_name.clone(), category_path),
            (product.card.name.clone(), path),
        ] />
        <div class="grid gap-8 md:grid-cols-2">
            <div class="grid grid-cols-2 gap-3">
                {product.images.iter().enumerate().map(|(i, image)| view! {
                    <img
                        src=crate::domain::image_url(&image.path, if i == 0 { 800 } else { 400 })
                        alt=image.alt.clone()
                        width="400"
                        height="400"
                        class=if i == 0 { "col-span-2 w-full rounded-lg bg-white" } else { "w-full rounded-lg bg-white" }
                    />
                }).collect_view()}
            </div>
            <div>
                <p class="text-sm uppercase tracking-wide text-stone-500">{product.card.brand.clone()}</p>
                <h1 class="mb-1 text-3xl font-bold tracking-tight">{product.card.name.clone()}</h1>
                <p class="mb-4 text-stone-600">{product.card.unit.clone()}</p>
                <Price price=product.card.price mrp=product.card.mrp large=true />
                <p class="mb-3 text-sm text-stone-500">{format!("Inclusive of all taxes (GST {}%)", product.gst_rate)}</p>
                <StockBadge product_id=product.card.id stock=product.card.stock />
                <AddToCartForm product_id=product.card.id max_quantity stock=product.card.stock />
                {(product.card.stock <= 0).then(|| view! { <NotifyMe product_id=product.card.id /> })}
                <section aria-labelledby="description-heading" class="mt-8">
                    <h2 id="description-heading" class="mb-2 text-xl font-semibold">"About this product"</h2>
                    <div class="prose leading-relaxed" inner_html=product.description_html.clone()></div>
                    <p class="mt-2 text-sm text-stone-500">{format!("SKU {}", product.sku)}</p>
                </section>
            </div>
        </div>
        {(!also_bought.is_empty()).then(|| view! {
            <section aria-labelledby="also-bought-heading" class="mt-12">
                <h2 id="also-bought-heading" class="mb-4 text-2xl font-bold">"Customers also bought"</h2>
                <ProductGrid products=also_bought />
            </section>
        })}
    }
}

/// Quantity and "Add to cart" (an island that follows live stock); a
/// refused post (not enough stock) comes back beside the quantity.
#[component]
fn AddToCartForm(product_id: i32, max_quantity: i32, stock: i32) -> impl IntoView {
    let error = last_error(ServerAction::<AddToCartFn>::new()).get_untracked();
    let form = error.as_ref().and_then(|e| e.form_errors());
    let quantity_error = form.and_then(|f| f.field("quantity").map(str::to_owned));
    let typed = form
        .and_then(|f| f.value("quantity").map(str::to_owned))
        .unwrap_or_else(|| "1".into());
    let form_error = error
        .as_ref()
        .filter(|_| quantity_error.is_none())
        .map(|e| e.to_string());
    view! { <AddToCart product_id max_quantity stock typed quantity_error form_error /> }
}

/// "Notify me" for an out-of-stock product: one email when it is back.
#[component]
fn NotifyMe(product_id: i32) -> impl IntoView {
    let action = ServerAction::<NotifyMeFn>::new();
    let error = last_error(action);
    let asked = use_query_map().with_untracked(|q| q.get("notify").is_some());
    let user = use_current_user();
    view! {
        <section aria-labelledby="notify-heading" class="mt-6 rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="notify-heading" class="mb-2 text-lg font-semibold">"Tell me when it is back"</h2>
            {asked.then(|| view! { <Notice>"Thank you. We will email you once, when it is back in stock."</Notice> })}
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <input type="hidden" name="product_id" value=product_id />
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let email = user.await.map(|u| u.email).unwrap_or_default();
                        view! { <Field label="Your email" name="email" input_type="email" autocomplete="email" initial=email error /> }
                    })}
                </Suspense>
                <button type="submit" class="rounded border border-teal-700 px-4 py-2 font-semibold text-teal-800 hover:bg-teal-50">"Notify me"</button>
            </ActionForm>
        </section>
    }
}
