//! Products: the list, the editor, saving every field, and markdown previews.

// A server function's arguments are its form's fields, one each, so that the
// form posts plain names with or without JavaScript.
#![allow(clippy::too_many_arguments)]

use crate::domain::{AdminProductRow, AppError, ProductEditor};
use leptos::prelude::*;

/// The product list: `q` matches name, SKU or brand; `status` is `active`,
/// `inactive` or empty; `low` non-empty lists only products at or below
/// their low-stock threshold. Staff and admins.
#[server(prefix = "/api", endpoint = "admin/products")]
pub async fn admin_products(
    q: String,
    category: String,
    status: String,
    low: String,
) -> Result<Vec<AdminProductRow>, AppError> {
    use crate::{
        db::admin_products::{list, ProductFilter},
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Staff, Role::Admin]).await?;
    // A search box, not a document: the first 100 characters are enough.
    let text: String = q.trim().chars().take(100).collect();
    let text = text.as_str();
    list(
        &app_state().pool,
        ProductFilter {
            text: (!text.is_empty()).then_some(text),
            category_id: category.parse().ok(),
            active: match status.as_str() {
                "active" => Some(true),
                "inactive" => Some(false),
                _ => None,
            },
            low_stock_only: !low.is_empty(),
        },
    )
    .await
    .or_internal("listing products")
}

/// The editor for product `id`, or a blank one to create a product. Staff see
/// it read-only with the stock panel; admins may edit.
#[server(prefix = "/api", endpoint = "admin/load_product_editor")]
pub async fn load_product_editor(id: Option<i32>) -> Result<ProductEditor, AppError> {
    use crate::{
        db::{admin_products, settings, stock},
        domain::{ProductFields, Role},
        server::{
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Staff, Role::Admin]).await?;
    let pool = &app_state().pool;
    let categories = admin_products::category_choices(pool)
        .await
        .or_internal("listing categories")?;
    let default_low_stock_threshold = settings::load(pool)
        .await
        .or_internal("reading settings")?
        .low_stock_threshold;
    let can_edit = user.0.role() == Role::Admin;
    let Some(id) = id else {
        return Ok(ProductEditor {
            id: None,
            fields: ProductFields {
                active: true,
                gst_rate: 5,
                ..Default::default()
            },
            description_html: String::new(),
            stock: 0,
            categories,
            images: Vec::new(),
            movements: Vec::new(),
            default_low_stock_threshold,
            can_edit,
            batches: Vec::new(),
            can_adjust: user.0.keeps_stock(),
        });
    };
    let Some((fields, stock_on_hand)) = admin_products::fields(pool, id)
        .await
        .or_internal("reading a product")?
    else {
        return Err(not_found());
    };
    Ok(ProductEditor {
        id: Some(id),
        description_html: crate::server::markdown::to_safe_html(&fields.description),
        fields,
        stock: stock_on_hand,
        categories,
        images: admin_products::images(pool, id)
            .await
            .or_internal("listing images")?,
        movements: stock::movements(pool, id, 50)
            .await
            .or_internal("reading the stock ledger")?,
        default_low_stock_threshold,
        can_edit,
        batches: crate::db::batches::for_product(pool, id)
            .await
            .or_internal("reading the batches")?,
        can_adjust: user.0.keeps_stock(),
    })
}

/// Creates (empty `id`) or saves a product. The slug is made from the name
/// when left blank; a changed slug keeps redirecting from the old one.
/// `opening_stock` is read only when creating: after that, stock changes
/// through adjustments so that the ledger explains every unit.
#[server(prefix = "/api", endpoint = "admin/save_product")]
pub async fn save_product(
    id: String,
    name: String,
    slug: String,
    sku: String,
    brand: String,
    category_id: String,
    unit: String,
    description: String,
    price: String,
    mrp: String,
    gst_rate: String,
    hsn: String,
    low_stock_threshold: String,
    opening_stock: String,
    featured: Option<String>,
    active: Option<String>,
    batch_tracked: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        db::admin_products,
        domain::{parse_rupees, slugify, FormErrors, ProductFields, Role},
        server::{
            audit::{self, snapshot, Change},
            auth::require_role,
            errors::{not_found, unique_violation, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![
        ("name".into(), name.clone()),
        ("slug".into(), slug.clone()),
        ("sku".into(), sku.clone()),
        ("brand".into(), brand.clone()),
        ("category_id".into(), category_id.clone()),
        ("unit".into(), unit.clone()),
        ("description".into(), description.clone()),
        ("price".into(), price.clone()),
        ("mrp".into(), mrp.clone()),
        ("gst_rate".into(), gst_rate.clone()),
        ("hsn".into(), hsn.clone()),
        ("low_stock_threshold".into(), low_stock_threshold.clone()),
        ("opening_stock".into(), opening_stock.clone()),
        ("featured".into(), featured.clone().unwrap_or_default()),
        ("active".into(), active.clone().unwrap_or_default()),
        (
            "batch_tracked".into(),
            batch_tracked.clone().unwrap_or_default(),
        ),
    ]);
    let id: Option<i32> = id.trim().parse().ok();
    let name = name.trim().to_string();
    if name.is_empty() {
        form.add("name", "Enter the product's name.");
    } else if name.chars().count() > 120 {
        form.add("name", "Keep the name under 120 characters.");
    }
    let slug = if slug.trim().is_empty() {
        slugify(&name)
    } else {
        slug.trim().to_string()
    };
    if !slug.is_empty() && slugify(&slug) != slug {
        form.add(
            "slug",
            "Use lower-case letters, digits and single hyphens, e.g. basmati-rice-1-kg.",
        );
    } else if slug.len() > 120 {
        form.add("slug", "Keep the web address under 120 characters.");
    }
    let brand = brand.trim().to_string();
    if brand.chars().count() > 80 {
        form.add("brand", "Keep the brand under 80 characters.");
    }
    let unit = unit.trim().to_string();
    if unit.chars().count() > 40 {
        form.add(
            "unit",
            "Keep the unit under 40 characters, e.g. 1 kg or 6 × 200 ml.",
        );
    }
    let sku = sku.trim().to_uppercase();
    if sku.is_empty() || sku.len() > 40 || sku.contains(char::is_whitespace) {
        form.add(
            "sku",
            "Enter a SKU of up to 40 characters without spaces, e.g. STP-010.",
        );
    }
    let category_id = form.check(
        "category_id",
        category_id
            .parse::<i32>()
            .map_err(|_| "Choose a category.".to_string()),
    );
    let price = form.check("price", parse_rupees(&price));
    let mrp = if mrp.trim().is_empty() {
        price
    } else {
        form.check("mrp", parse_rupees(&mrp))
    };
    if let (Some(p), Some(m)) = (price, mrp) {
        if m < p {
            form.add("mrp", "The MRP cannot be below the selling price.");
        }
    }
    let gst_rate = form.check(
        "gst_rate",
        gst_rate
            .parse::<i16>()
            .ok()
            .filter(|r| [0, 5, 12, 18, 28].contains(r))
            .ok_or_else(|| "Choose a GST rate: 0, 5, 12, 18 or 28 %.".to_string()),
    );
    let hsn = hsn.trim().to_string();
    if !(4..=8).contains(&hsn.len()) || !hsn.chars().all(|c| c.is_ascii_digit()) {
        form.add("hsn", "Enter the HSN code: 4 to 8 digits.");
    }
    let threshold = form.check(
        "low_stock_threshold",
        if low_stock_threshold.trim().is_empty() {
            Ok(None)
        } else {
            low_stock_threshold
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|n| *n >= 0)
                .map(Some)
                .ok_or_else(|| {
                    "Enter a whole number of units, or leave blank for the shop's default."
                        .to_string()
                })
        },
    );
    let opening = form.check(
        "opening_stock",
        if id.is_some() || opening_stock.trim().is_empty() {
            Ok(0)
        } else {
            opening_stock
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|n| (0..=1_000_000).contains(n))
                .ok_or_else(|| "Enter the units on hand: a whole number, 0 or more.".to_string())
        },
    );
    if description.len() > 20_000 {
        form.add(
            "description",
            "Keep the description under 20,000 characters.",
        );
    }
    form.clone().into_result()?;
    let (Some(category_id), Some(price), Some(mrp), Some(gst_rate), Some(threshold), Some(opening)) =
        (category_id, price, mrp, gst_rate, threshold, opening)
    else {
        return Err(AppError::Invalid(form));
    };
    let fields = ProductFields {
        sku,
        name,
        slug,
        brand,
        category_id,
        unit,
        description: description.trim().to_string(),
        price,
        mrp,
        gst_rate,
        hsn,
        low_stock_threshold: threshold,
        featured: featured.is_some(),
        active: active.is_some(),
        batch_tracked: batch_tracked.is_some(),
    };
    if fields.batch_tracked && opening > 0 {
        form.add(
            "opening_stock",
            "A product kept in batches gets its stock from goods receipts: leave this blank.",
        );
        return Err(AppError::Invalid(form));
    }
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let saved = match id {
        None => {
            crate::db::stock::set_reason(
                &mut tx,
                crate::db::stock::StockReason {
                    reason: "opening",
                    order_id: None,
                    actor_id: Some(user.0.id),
                    note: "",
                },
            )
            .await
            .or_internal("recording the reason")?;
            admin_products::insert(&mut *tx, &fields, opening)
                .await
                .map(|id| (id, None))
        }
        Some(id) => {
            let Some((before, stock_on_hand)) = admin_products::fields(&mut *tx, id)
                .await
                .or_internal("reading the product")?
            else {
                return Err(not_found());
            };
            if before.batch_tracked != fields.batch_tracked {
                // Units would be left outside (or inside) batches that the
                // ledger no longer follows.
                let in_batches = admin_products::units_in_batches(&mut *tx, id)
                    .await
                    .or_internal("counting the batches' units")?;
                if stock_on_hand != 0 || in_batches != 0 {
                    form.add(
                        "batch_tracked",
                        "Change this only while the product has no units: adjust its stock (or batches) to 0 first.",
                    );
                    return Err(AppError::Invalid(form));
                }
                // A cancelled open order gives its units back the way they
                // were taken, which would no longer be this product's way.
                let open = admin_products::open_orders_with(&mut *tx, id)
                    .await
                    .or_internal("counting open orders")?;
                if open > 0 {
                    form.add(
                        "batch_tracked",
                        format!("{open} open order(s) hold this product: change this once they are delivered or cancelled."),
                    );
                    return Err(AppError::Invalid(form));
                }
            }
            admin_products::update(&mut *tx, id, &fields)
                .await
                .map(|_| (id, Some(before)))
        }
    };
    let (saved_id, before) = match saved {
        Ok(saved) => saved,
        Err(e) => {
            match unique_violation(&e) {
                Some("products_sku_key") => {
                    form.add("sku", "Another product already has this SKU.")
                }
                Some("products_slug_key") => form.add(
                    "slug",
                    "Another product already uses this address; change the slug.",
                ),
                Some("products_category_id_fkey") => form.add("category_id", "Choose a category."),
                _ if matches!(&e, sqlx::Error::Database(d) if d.is_foreign_key_violation()) => {
                    form.add("category_id", "Choose a category.")
                }
                _ => return Err(crate::server::errors::internal("saving a product", e)),
            }
            return Err(AppError::Invalid(form));
        }
    };
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: if before.is_some() {
                "product.updated"
            } else {
                "product.created"
            },
            entity: "product",
            entity_id: saved_id.to_string(),
            before: before.as_ref().and_then(snapshot),
            after: snapshot(&fields),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the product")?;
    leptos_axum::redirect(&format!("/admin/products/{saved_id}?saved=1"));
    Ok(())
}

/// Markdown as the storefront will show it (sanitised HTML), for live previews.
#[server(prefix = "/api", endpoint = "admin/preview_markdown")]
pub async fn preview_markdown(text: String) -> Result<String, AppError> {
    use crate::{domain::Role, server::auth::require_role};
    require_role(&[Role::Admin]).await?;
    // As long as a page may be; longer text is not worth rendering.
    let text: String = text.chars().take(100_000).collect();
    Ok(crate::server::markdown::to_safe_html(&text))
}
