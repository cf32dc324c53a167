//! Products and their images as the admin edits them.

use crate::domain::{AdminImage, AdminProductRow, CategoryChoice, Paise, ProductFields};
use sqlx::PgExecutor;

/// Filters of the product list; `None` means any.
pub struct ProductFilter<'a> {
    pub text: Option<&'a str>,
    pub category_id: Option<i32>,
    pub active: Option<bool>,
    pub low_stock_only: bool,
}

pub async fn list(
    db: impl PgExecutor<'_>,
    f: ProductFilter<'_>,
) -> sqlx::Result<Vec<AdminProductRow>> {
    let pattern = f
        .text
        .map(|t| format!("%{}%", t.replace('%', "\\%").replace('_', "\\_")));
    let rows = sqlx::query!(
        r#"SELECT p.id, p.sku, p.name, c.name AS category, p.price_paise, p.stock, p.active,
                  coalesce(p.low_stock_threshold, s.low_stock_threshold) AS "threshold!"
           FROM products p JOIN categories c ON c.id = p.category_id CROSS JOIN settings s
           WHERE ($1::text IS NULL OR p.name ILIKE $1 OR p.sku ILIKE $1 OR p.brand ILIKE $1)
             AND ($2::int IS NULL OR p.category_id = $2)
             AND ($3::boolean IS NULL OR p.active = $3)
             AND (NOT $4 OR p.stock <= coalesce(p.low_stock_threshold, s.low_stock_threshold))
           ORDER BY CASE WHEN $4 THEN p.stock END, p.name LIMIT 200"#,
        pattern,
        f.category_id,
        f.active,
        f.low_stock_only
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AdminProductRow {
            id: r.id,
            sku: r.sku,
            name: r.name,
            category: r.category,
            price: Paise(r.price_paise),
            stock: r.stock,
            low_stock_threshold: r.threshold,
            active: r.active,
        })
        .collect())
}

/// `(fields, stock on hand)` of one product.
pub async fn fields(
    db: impl PgExecutor<'_>,
    id: i32,
) -> sqlx::Result<Option<(ProductFields, i32)>> {
    let row = sqlx::query!(
        "SELECT sku, name, slug, brand, category_id, unit, description, price_paise, mrp_paise, gst_rate,
                hsn, low_stock_threshold, featured, active, batch_tracked, stock
         FROM products WHERE id = $1",
        id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| {
        (
            ProductFields {
                sku: r.sku,
                name: r.name,
                slug: r.slug,
                brand: r.brand,
                category_id: r.category_id,
                unit: r.unit,
                description: r.description,
                price: Paise(r.price_paise),
                mrp: Paise(r.mrp_paise),
                gst_rate: r.gst_rate,
                hsn: r.hsn,
                low_stock_threshold: r.low_stock_threshold,
                featured: r.featured,
                active: r.active,
                batch_tracked: r.batch_tracked,
            },
            r.stock,
        )
    }))
}

/// Inserts a product with its opening stock (recorded in the ledger by the trigger).
pub async fn insert(
    db: impl PgExecutor<'_>,
    p: &ProductFields,
    opening_stock: i32,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "INSERT INTO products (sku, name, slug, brand, category_id, unit, description, price_paise, mrp_paise,
                               gst_rate, hsn, low_stock_threshold, featured, active, stock, batch_tracked)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        p.sku,
        p.name,
        p.slug,
        p.brand,
        p.category_id,
        p.unit,
        p.description,
        p.price.0,
        p.mrp.0,
        p.gst_rate,
        p.hsn,
        p.low_stock_threshold,
        p.featured,
        p.active,
        opening_stock,
        p.batch_tracked
    )
    .fetch_one(db)
    .await
}

/// Saves every field; a changed slug keeps redirecting from the old one (trigger).
pub async fn update(db: impl PgExecutor<'_>, id: i32, p: &ProductFields) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "UPDATE products SET sku = $2, name = $3, slug = $4, brand = $5, category_id = $6, unit = $7,
                description = $8, price_paise = $9, mrp_paise = $10, gst_rate = $11, hsn = $12,
                low_stock_threshold = $13, featured = $14, active = $15, batch_tracked = $16,
                updated_at = now()
         WHERE id = $1",
        id,
        p.sku,
        p.name,
        p.slug,
        p.brand,
        p.category_id,
        p.unit,
        p.description,
        p.price.0,
        p.mrp.0,
        p.gst_rate,
        p.hsn,
        p.low_stock_threshold,
        p.featured,
        p.active,
        p.batch_tracked
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn category_choices(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<CategoryChoice>> {
    sqlx::query_as!(
        CategoryChoice,
        "SELECT id, name FROM categories ORDER BY position, name"
    )
    .fetch_all(db)
    .await
}

pub async fn images(db: impl PgExecutor<'_>, product_id: i32) -> sqlx::Result<Vec<AdminImage>> {
    sqlx::query_as!(
        AdminImage,
        "SELECT id, path, alt FROM product_images WHERE product_id = $1 ORDER BY position, id",
        product_id
    )
    .fetch_all(db)
    .await
}

/// Adds an image after the product's others.
pub async fn add_image(
    db: impl PgExecutor<'_>,
    product_id: i32,
    path: &str,
    alt: &str,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "INSERT INTO product_images (product_id, path, alt, position)
         VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM product_images WHERE product_id = $1))
         RETURNING id",
        product_id,
        path,
        alt
    )
    .fetch_one(db)
    .await
}

/// The image's product, or `None` when there is no such image.
pub async fn image_product(db: impl PgExecutor<'_>, image_id: i32) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        "SELECT product_id FROM product_images WHERE id = $1",
        image_id
    )
    .fetch_optional(db)
    .await
}

pub async fn remove_image(db: impl PgExecutor<'_>, image_id: i32) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM product_images WHERE id = $1", image_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_image_alt(db: impl PgExecutor<'_>, image_id: i32, alt: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE product_images SET alt = $2 WHERE id = $1",
        image_id,
        alt
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Moves an image one place earlier (`up`) or later among its product's images.
pub async fn move_image(db: &mut sqlx::PgConnection, image_id: i32, up: bool) -> sqlx::Result<()> {
    // Renumber densely in the current order, then swap with the neighbour.
    sqlx::query!(
        "UPDATE product_images i SET position = o.n FROM (
             SELECT id, row_number() OVER (ORDER BY position, id)::int * 2 AS n FROM product_images
             WHERE product_id = (SELECT product_id FROM product_images WHERE id = $1)) o
         WHERE i.id = o.id",
        image_id
    )
    .execute(&mut *db)
    .await?;
    let shift = if up { -3 } else { 3 };
    sqlx::query!(
        "UPDATE product_images SET position = position + $2 WHERE id = $1",
        image_id,
        shift
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Units in the product's batches, expired or not (what turning batch
/// tracking off would leave without a home).
pub async fn units_in_batches(db: impl PgExecutor<'_>, id: i32) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT coalesce(sum(quantity), 0)::bigint AS "units!" FROM product_batches WHERE product_id = $1"#,
        id
    )
    .fetch_one(db)
    .await
}

/// Orders not yet delivered, cancelled or expired that hold the product.
pub async fn open_orders_with(db: impl PgExecutor<'_>, id: i32) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "open!" FROM order_items oi JOIN orders o ON o.id = oi.order_id
           WHERE oi.product_id = $1
             AND o.status IN ('placed', 'awaiting_payment', 'payment_submitted', 'to_pay_at_pickup',
                              'paid', 'packed', 'ready_for_pickup', 'shipped')"#,
        id
    )
    .fetch_one(db)
    .await
}
