//! Categories as the admin edits them.

use crate::domain::AdminCategory;
use sqlx::PgExecutor;

pub async fn list(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<AdminCategory>> {
    sqlx::query_as!(
        AdminCategory,
        r#"SELECT c.id, c.slug, c.name, c.description, c.position,
                  (SELECT count(*) FROM products p WHERE p.category_id = c.id) AS "product_count!"
           FROM categories c ORDER BY c.position, c.name"#
    )
    .fetch_all(db)
    .await
}

pub async fn get(db: impl PgExecutor<'_>, id: i32) -> sqlx::Result<Option<AdminCategory>> {
    sqlx::query_as!(
        AdminCategory,
        r#"SELECT c.id, c.slug, c.name, c.description, c.position,
                  (SELECT count(*) FROM products p WHERE p.category_id = c.id) AS "product_count!"
           FROM categories c WHERE c.id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn insert(
    db: impl PgExecutor<'_>,
    slug: &str,
    name: &str,
    description: &str,
    position: i32,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "INSERT INTO categories (slug, name, description, position) VALUES ($1, $2, $3, $4) RETURNING id",
        slug,
        name,
        description,
        position
    )
    .fetch_one(db)
    .await
}

pub async fn update(
    db: impl PgExecutor<'_>,
    id: i32,
    slug: &str,
    name: &str,
    description: &str,
    position: i32,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE categories SET slug = $2, name = $3, description = $4, position = $5, updated_at = now()
         WHERE id = $1",
        id,
        slug,
        name,
        description,
        position
    )
    .execute(db)
    .await?;
    Ok(())
}
