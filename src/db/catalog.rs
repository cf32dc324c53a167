//! Reading the catalogue for the storefront. Each page is answered in a few
//! queries: card lists carry their first image through a lateral join, never
//! a query per product.

use super::product_cards::{
    page_of_cards, page_of_cards_start, CardRow, PAGE_OF_CARDS_END, PRODUCT_COLUMNS,
};
use crate::domain::{
    CategorySummary, Listing, MatchCount, ProductCard, ProductImage, Sort, COUNTED_AHEAD, PAGE_SIZE,
};
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

/// Most units ordered, in stock first (read in the order of the index
/// `products_bestsellers`; `units_sold` is kept by a trigger).
pub async fn bestsellers(db: impl PgExecutor<'_>, limit: i64) -> sqlx::Result<Vec<ProductCard>> {
    let chosen = format!(
        "SELECT {PRODUCT_COLUMNS},
                row_number() OVER (ORDER BY p.stock = 0, p.units_sold DESC, p.id) AS position
         FROM products p
         WHERE p.active AND p.units_sold > 0
         ORDER BY p.stock = 0, p.units_sold DESC, p.id LIMIT $1"
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
            SELECT other.product_id, count(*) AS orders
            FROM order_items own JOIN order_items other
              ON other.order_id = own.order_id AND other.product_id <> own.product_id
            WHERE own.product_id = $1 GROUP BY other.product_id
         ), category_sold AS (
            SELECT p2.id AS product_id, 0::bigint AS orders
            FROM products p2
            WHERE p2.category_id = (SELECT category_id FROM mine) AND p2.id <> $1
              AND p2.active AND p2.stock > 0 AND p2.units_sold > 0
            ORDER BY p2.units_sold DESC, p2.id LIMIT $2
         ), category_rest AS (
            SELECT p3.id AS product_id, 0::bigint AS orders
            FROM products p3
            WHERE p3.category_id = (SELECT category_id FROM mine) AND p3.id <> $1
              AND p3.active AND p3.stock > 0
            ORDER BY p3.id LIMIT $2
         ), candidates AS (
            SELECT product_id, max(orders) AS orders
            FROM (SELECT * FROM together UNION ALL SELECT * FROM category_sold
                  UNION ALL SELECT * FROM category_rest) c
            GROUP BY product_id
         )
         SELECT {PRODUCT_COLUMNS},
                row_number() OVER (ORDER BY c.orders DESC,
                    -- Among equals, the category's bestsellers first.
                    CASE WHEN p.category_id = (SELECT category_id FROM mine)
                         THEN p.units_sold ELSE 0 END DESC, p.id) AS position
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
        // Kept by a trigger (migration category_brands).
        r#"SELECT brand, active_products::bigint AS "count!" FROM category_brands
           WHERE category_id = $1 ORDER BY brand"#,
        category_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.brand, r.count)).collect())
}

/// The rows of a category that `listing`'s filters keep, after `FROM products p`.
fn push_filters(q: &mut QueryBuilder<'_, Postgres>, category_id: i32, listing: &Listing) {
    q.push(" WHERE p.active AND p.category_id = ")
        .push_bind(category_id);
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
}

/// One page of a category listing, and how many products match its filters:
/// exactly, or at least that many when there are more than [`COUNTED_AHEAD`]
/// past this page.
pub async fn listing(
    db: impl PgExecutor<'_>,
    category_id: i32,
    listing: &Listing,
) -> sqlx::Result<(Vec<ProductCard>, MatchCount)> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        card: CardRow,
        counted: i64,
    }
    // Each order has an index (migrations catalogue and units_sold), so the
    // page is read in order and the scan stops at its end.
    let order = match listing.sort {
        // Relevance in a category: featured and in-stock first, then bestsellers.
        Sort::Relevance => "p.stock = 0, p.featured DESC, p.units_sold DESC, p.id",
        Sort::PriceLowToHigh => "p.price_paise, p.id",
        Sort::PriceHighToLow => "p.price_paise DESC, p.id",
        Sort::Newest => "p.created_at DESC, p.id DESC",
        Sort::Popularity => "p.units_sold DESC, p.id",
    };
    let count_up_to = listing.offset() + COUNTED_AHEAD + 1;
    // The page is cut inside; images are joined for its rows only. The count
    // is a second scan of the same filters that stops at `count_up_to`.
    let mut q: QueryBuilder<Postgres> = QueryBuilder::new(page_of_cards_start(", p.counted"));
    q.push(format!(
        "SELECT page.*, counted.n AS counted FROM (SELECT {PRODUCT_COLUMNS}, \
         row_number() OVER (ORDER BY {order}) AS position FROM products p"
    ));
    push_filters(&mut q, category_id, listing);
    q.push(format!(" ORDER BY {order} LIMIT "))
        .push_bind(PAGE_SIZE);
    q.push(" OFFSET ").push_bind(listing.offset());
    q.push(") page CROSS JOIN (SELECT count(*) AS n FROM (SELECT FROM products p");
    push_filters(&mut q, category_id, listing);
    q.push(" LIMIT ").push_bind(count_up_to);
    q.push(") matching) counted").push(PAGE_OF_CARDS_END);
    let rows: Vec<Row> = q.build_query_as().fetch_all(db).await?;
    // A page past the last one shows nothing and counts nothing (its own
    // scan is empty), as a listing with no matches.
    let counted = rows.first().map(|r| r.counted).unwrap_or(0);
    let count = if counted == count_up_to {
        MatchCount {
            shown: counted - 1,
            more: true,
        }
    } else {
        MatchCount {
            shown: counted,
            more: false,
        }
    };
    Ok((rows.into_iter().map(|r| r.card.into()).collect(), count))
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
        r#"SELECT p.id, p.sku, p.slug, p.name, p.brand, p.unit, p.description,
                  LEAST(p.price_paise, p.batch_mrp_paise) AS "price_paise!",
                  coalesce(p.batch_mrp_paise, p.mrp_paise) AS "mrp_paise!", p.gst_rate, p.stock, c.slug AS category_slug, c.name AS category_name,
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
