//! Writing the catalogue: categories, products, images, and orders placed
//! outside checkout (demo data).

use sqlx::PgExecutor;

pub struct NewCategory<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub position: i32,
}

/// Inserts the category unless its slug exists; returns its id either way.
pub async fn ensure_category(db: impl PgExecutor<'_>, c: NewCategory<'_>) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        r#"WITH inserted AS (
               INSERT INTO categories (slug, name, description, position) VALUES ($1, $2, $3, $4)
               ON CONFLICT (slug) DO NOTHING RETURNING id)
           SELECT id AS "id!" FROM inserted UNION ALL SELECT id FROM categories WHERE slug = $1 LIMIT 1"#,
        c.slug,
        c.name,
        c.description,
        c.position
    )
    .fetch_one(db)
    .await
}

pub struct NewProduct<'a> {
    pub sku: &'a str,
    pub slug: &'a str,
    pub name: &'a str,
    pub brand: &'a str,
    pub category_id: i32,
    pub unit: &'a str,
    pub description: &'a str,
    pub price_paise: i64,
    pub mrp_paise: i64,
    pub gst_rate: i16,
    pub hsn: &'a str,
    pub stock: i32,
    pub featured: bool,
}

/// Inserts the product unless its SKU exists; `Some(id)` when it was inserted.
pub async fn insert_product_if_new(
    db: impl PgExecutor<'_>,
    p: NewProduct<'_>,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        "INSERT INTO products (sku, slug, name, brand, category_id, unit, description, price_paise,
                               mrp_paise, gst_rate, hsn, stock, featured)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (sku) DO NOTHING RETURNING id",
        p.sku,
        p.slug,
        p.name,
        p.brand,
        p.category_id,
        p.unit,
        p.description,
        p.price_paise,
        p.mrp_paise,
        p.gst_rate,
        p.hsn,
        p.stock,
        p.featured
    )
    .fetch_optional(db)
    .await
}

pub async fn add_image(
    db: impl PgExecutor<'_>,
    product_id: i32,
    path: &str,
    alt: &str,
    position: i32,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO product_images (product_id, path, alt, position) VALUES ($1, $2, $3, $4)",
        product_id,
        path,
        alt,
        position
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Product ids by SKU, for building orders from SKUs.
pub async fn ids_by_sku(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<(String, i32, i64, i16)>> {
    let rows = sqlx::query!("SELECT sku, id, price_paise, gst_rate FROM products")
        .fetch_all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.sku, r.id, r.price_paise, r.gst_rate))
        .collect())
}

/// Inserts an order with its lines unless the reference exists; `true` when inserted.
pub async fn insert_order_if_new(
    db: &mut sqlx::PgConnection,
    reference: &str,
    status: &str,
    days_ago: i32,
    lines: &[(i32, i32, i64, i16)],
) -> sqlx::Result<bool> {
    let id = sqlx::query_scalar!(
        "INSERT INTO orders (reference, status, placed_at)
         VALUES ($1, $2, now() - make_interval(days => $3))
         ON CONFLICT (reference) DO NOTHING RETURNING id",
        reference,
        status,
        days_ago
    )
    .fetch_optional(&mut *db)
    .await?;
    let Some(order_id) = id else { return Ok(false) };
    // In product order, as checkout takes them: each line's trigger locks its
    // product's row (units_sold), and two orders must not wait on each other.
    let mut lines = lines.to_vec();
    lines.sort_by_key(|line| line.0);
    for (product_id, quantity, unit_price, gst_rate) in lines {
        sqlx::query!(
            "INSERT INTO order_items (order_id, product_id, quantity, unit_price_paise, gst_rate)
             VALUES ($1, $2, $3, $4, $5)",
            order_id,
            product_id,
            quantity,
            unit_price,
            gst_rate
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(true)
}
