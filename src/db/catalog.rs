//! Reading the catalogue for the storefront. Each page is answered in a few
//! queries: card lists carry their first image through a lateral join, never
//! a query per product.

use super::product_cards::{
    page_of_cards, page_of_cards_start, CardRow, PAGE_OF_CARDS_END, PRODUCT_COLUMNS,
};
use crate::domain::{CategorySummary, Listing, ProductCard, ProductImage, Sort, PAGE_SIZE};
use sqlx::{PgExecutor, Postgres, QueryBuilder};

/// Cards for `chosen` (see [`page_of_cards`]), which may take the product id
/// as `$1`; `limit` is bound last.
async fn cards(
    db: impl PgExecutor<'_>,
    chosen: &str,
    bind: Option<i32>,
    limit: i64,
) -> sqlx::Result<Vec<ProductCard>> {
    let sql = page_of_cards(chosen, "");
    let mut query = sqlx::query_as::<_, CardRow>(&sql);
    if let Some(id) = bind {
        query = query.bind(id);
    }
    Ok(query
        .bind(limit)
        .fetch_all(db)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn categories(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<CategorySummary>> {
    let rows = sqlx::query!(
        // The count is kept by a trigger (migration category_counts).
        r#"SELECT slug, name, description, active_products::bigint AS "product_count!"
           FROM categories ORDER BY position, name"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| CategorySummary {
            slug: r.slug,
            name: r.name,
            description: r.description,
            product_count: r.product_count,
        })
        .collect())
}

pub async fn featured(db: impl PgExecutor<'_>, limit: i64) -> sqlx::Result<Vec<ProductCard>> {
    let chosen = format!(
        "SELECT {PRODUCT_COLUMNS}, row_number() OVER (ORDER BY p.stock = 0, p.id) AS position
         FROM products p WHERE p.active AND p.featured ORDER BY position LIMIT $1"
    );
    cards(db, &chosen, None, limit).await
}

/// Most units ordered, in stock first.
pub async fn bestsellers(db: impl PgExecutor<'_>, limit: i64) -> sqlx::Result<Vec<ProductCard>> {
    let chosen = format!(
        "SELECT {PRODUCT_COLUMNS},
                row_number() OVER (ORDER BY p.stock = 0, s.sold DESC, p.id) AS position
         FROM products p
         JOIN (SELECT product_id, sum(quantity) AS sold FROM order_items GROUP BY product_id) s
           ON s.product_id = p.id
         WHERE p.active ORDER BY position LIMIT $1"
    );
    cards(db, &chosen, None, limit).await
}

/// Products most often in the same order as `product_id`, in stock only;
/// topped up with the bestsellers of its category, then the rest of it.
pub async fn also_bought(
    db: impl PgExecutor<'_>,
    product_id: i32,
    limit: i64,
) -> sqlx::Result<Vec<ProductCard>> {
    // Only products that sold are ranked; the top-up from the rest of the
    // category is cut to `limit` before anything is joined, so a category of
    // 10,000 products costs no more than one of ten.
    let chosen = format!(
        "WITH mine AS (SELECT category_id FROM products WHERE id = $1),
         together AS (
            SELECT other.product_id, count(*) AS orders, 0::bigint AS sold
            FROM order_items own JOIN order_items other
              ON other.order_id = own.order_id AND other.product_id <> own.product_id
            WHERE own.product_id = $1 GROUP BY other.product_id
         ), category_sold AS (
            SELECT oi.product_id, 0::bigint AS orders, sum(oi.quantity)::bigint AS sold
            FROM order_items oi JOIN products p2 ON p2.id = oi.product_id
            WHERE p2.category_id = (SELECT category_id FROM mine) AND oi.product_id <> $1
            GROUP BY oi.product_id
         ), category_rest AS (
            SELECT p3.id AS product_id, 0::bigint AS orders, 0::bigint AS sold
            FROM products p3
            WHERE p3.category_id = (SELECT category_id FROM mine) AND p3.id <> $1
              AND p3.active AND p3.stock > 0
            ORDER BY p3.id LIMIT $2
         ), candidates AS (
            SELECT product_id, max(orders) AS orders, max(sold) AS sold
            FROM (SELECT * FROM together UNION ALL SELECT * FROM category_sold
                  UNION ALL SELECT * FROM category_rest) c
            GROUP BY product_id
         )
         SELECT {PRODUCT_COLUMNS},
                row_number() OVER (ORDER BY c.orders DESC, c.sold DESC, p.id) AS position
         FROM candidates c JOIN products p ON p.id = c.product_id
         WHERE p.active AND p.stock > 0 ORDER BY position LIMIT $2"
    );
    cards(db, &chosen, Some(product_id), limit).await
}

pub struct CategoryRow {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub description: String,
}

pub async fn category_by_slug(
    db: impl PgExecutor<'_>,
    slug: &str,
) -> sqlx::Result<Option<CategoryRow>> {
    sqlx::query_as!(
        CategoryRow,
        "SELECT id, slug, name, description FROM categories WHERE slug = $1",
        slug
    )
    .fetch_optional(db)
    .await
}

/// `(brand, number of active products)` in a category, for the brand filter.
pub async fn brands_in(
    db: impl PgExecutor<'_>,
    category_id: i32,
) -> sqlx::Result<Vec<(String, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT brand, count(*) AS "count!" FROM products
           WHERE category_id = $1 AND active AND brand <> ''
           GROUP BY brand ORDER BY brand"#,
        category_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.brand, r.count)).collect())
}

/// One page of a category listing and the number of products matching its filters.
pub async fn listing(
    db: impl PgExecutor<'_>,
    category_id: i32,
    listing: &Listing,
) -> sqlx::Result<(Vec<ProductCard>, i64)> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        card: CardRow,
        total: i64,
    }
    let order = match listing.sort {
        // Relevance in a category: featured and in-stock first, then bestsellers.
        Sort::Relevance => "p.stock = 0, p.featured DESC, coalesce(s.sold, 0) DESC, p.id",
        Sort::PriceLowToHigh => "p.price_paise, p.id",
        Sort::PriceHighToLow => "p.price_paise DESC, p.id",
        Sort::Newest => "p.created_at DESC, p.id DESC",
        Sort::Popularity => "coalesce(s.sold, 0) DESC, p.id",
    };
    // The page is cut inside; images are joined for its rows only.
    let mut q: QueryBuilder<Postgres> = QueryBuilder::new(page_of_cards_start(", p.total"));
    q.push(format!(
        "SELECT {PRODUCT_COLUMNS}, count(*) OVER () AS total,
                row_number() OVER (ORDER BY {order}) AS position
         FROM products p
         LEFT JOIN (SELECT product_id, sum(quantity) AS sold FROM order_items GROUP BY product_id) s
           ON s.product_id = p.id
         WHERE p.active AND p.category_id = "
    ));
    q.push_bind(category_id);
    if let Some(brand) = &listing.brand {
        q.push(" AND p.brand = ").push_bind(brand.clone());
    }
    if let Some(min) = listing.min_rupees {
        q.push(" AND p.price_paise >= ").push_bind(min * 100);
    }
    if let Some(max) = listing.max_rupees {
        q.push(" AND p.price_paise <= ").push_bind(max * 100);
    }
    if listing.in_stock_only {
        q.push(" AND p.stock > 0");
    }
    q.push(" ORDER BY position LIMIT ").push_bind(PAGE_SIZE);
    q.push(" OFFSET ").push_bind(listing.offset());
    q.push(PAGE_OF_CARDS_END);
    let rows: Vec<Row> = q.build_query_as().fetch_all(db).await?;
    let total = rows.first().map(|r| r.total).unwrap_or(0);
    Ok((rows.into_iter().map(|r| r.card.into()).collect(), total))
}

pub struct ProductRow {
    pub id: i32,
    pub sku: String,
    pub slug: String,
    pub name: String,
    pub brand: String,
    pub unit: String,
    pub description: String,
    pub price_paise: i64,
    pub mrp_paise: i64,
    pub gst_rate: i16,
    pub stock: i32,
    pub category_slug: String,
    pub category_name: String,
    pub updated_at: String,
}

pub async fn product_by_slug(
    db: impl PgExecutor<'_>,
    slug: &str,
) -> sqlx::Result<Option<ProductRow>> {
    sqlx::query_as!(
        ProductRow,
        r#"SELECT p.id, p.sku, p.slug, p.name, p.brand, p.unit, p.description, p.price_paise,
                  p.mrp_paise, p.gst_rate, p.stock, c.slug AS category_slug, c.name AS category_name,
                  to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updated_at!"
           FROM products p JOIN categories c ON c.id = p.category_id
           WHERE p.slug = $1 AND p.active"#,
        slug
    )
    .fetch_optional(db)
    .await
}

pub async fn images(db: impl PgExecutor<'_>, product_id: i32) -> sqlx::Result<Vec<ProductImage>> {
    sqlx::query_as!(
        ProductImage,
        "SELECT path, alt FROM product_images WHERE product_id = $1 ORDER BY position, id",
        product_id
    )
    .fetch_all(db)
    .await
}

/// The current slug of the product that used to answer at `old_slug`.
pub async fn renamed_to(db: impl PgExecutor<'_>, old_slug: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!(
        "SELECT p.slug FROM product_slug_history h JOIN products p ON p.id = h.product_id
         WHERE h.slug = $1 AND p.active",
        old_slug
    )
    .fetch_optional(db)
    .await
}

/// `(last change, path)` of every page the sitemap lists.
pub async fn sitemap_entries(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<(String, String)>> {
    let rows = sqlx::query!(
        r#"SELECT '/c/' || slug AS "path!", to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "changed!"
             FROM categories
           UNION ALL
           SELECT '/p/' || slug, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
             FROM products WHERE active
           UNION ALL
           SELECT '/' || slug, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
             FROM pages WHERE published
           ORDER BY 1"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.changed, r.path)).collect())
}

pub struct PackLabel {
    pub name: String,
    pub brand: String,
    pub unit: String,
    pub category_slug: String,
}

/// What a generated product illustration shows.
pub async fn pack_label(db: impl PgExecutor<'_>, sku: &str) -> sqlx::Result<Option<PackLabel>> {
    sqlx::query_as!(
        PackLabel,
        "SELECT p.name, p.brand, p.unit, c.slug AS category_slug
         FROM products p JOIN categories c ON c.id = p.category_id WHERE p.sku = $1",
        sku
    )
    .fetch_optional(db)
    .await
}
