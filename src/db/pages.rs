//! Content pages and their revisions.

use crate::domain::{PageFields, PageRevision, PageRow};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

pub async fn list(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<PageRow>> {
    sqlx::query_as!(
        PageRow,
        r#"SELECT id, slug, title, published,
                  to_char(updated_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "updated_at!"
           FROM pages ORDER BY title"#
    )
    .fetch_all(db)
    .await
}

pub async fn get(db: impl PgExecutor<'_>, id: i32) -> sqlx::Result<Option<PageFields>> {
    sqlx::query_as!(
        PageFields,
        "SELECT slug, title, body, seo_title, seo_description, published FROM pages WHERE id = $1",
        id
    )
    .fetch_optional(db)
    .await
}

/// A published page by its address.
pub async fn published(db: impl PgExecutor<'_>, slug: &str) -> sqlx::Result<Option<PageFields>> {
    sqlx::query_as!(
        PageFields,
        "SELECT slug, title, body, seo_title, seo_description, published FROM pages
         WHERE slug = $1 AND published",
        slug
    )
    .fetch_optional(db)
    .await
}

pub async fn published_slugs(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!("SELECT slug FROM pages WHERE published ORDER BY slug")
        .fetch_all(db)
        .await
}

async fn add_revision(tx: &mut PgConnection, id: i32, author: Option<Uuid>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO page_revisions (page_id, title, body, seo_title, seo_description, author_id)
         SELECT id, title, body, seo_title, seo_description, $2 FROM pages WHERE id = $1",
        id,
        author
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Creates a page and its first revision.
pub async fn insert(
    tx: &mut PgConnection,
    p: &PageFields,
    author: Option<Uuid>,
) -> sqlx::Result<i32> {
    let id = sqlx::query_scalar!(
        "INSERT INTO pages (slug, title, body, seo_title, seo_description, published)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        p.slug,
        p.title,
        p.body,
        p.seo_title,
        p.seo_description,
        p.published
    )
    .fetch_one(&mut *tx)
    .await?;
    add_revision(tx, id, author).await?;
    Ok(id)
}

/// Saves a page and records the saved version as a revision.
pub async fn update(
    tx: &mut PgConnection,
    id: i32,
    p: &PageFields,
    author: Option<Uuid>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE pages SET slug = $2, title = $3, body = $4, seo_title = $5, seo_description = $6,
                published = $7, updated_at = now() WHERE id = $1",
        id,
        p.slug,
        p.title,
        p.body,
        p.seo_title,
        p.seo_description,
        p.published
    )
    .execute(&mut *tx)
    .await?;
    add_revision(tx, id, author).await
}

pub async fn revisions(db: impl PgExecutor<'_>, page_id: i32) -> sqlx::Result<Vec<PageRevision>> {
    sqlx::query_as!(
        PageRevision,
        r#"SELECT r.id, r.title, u.name AS "author?",
                  to_char(r.at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI:SS') AS "at!"
           FROM page_revisions r LEFT JOIN users u ON u.id = r.author_id
           WHERE r.page_id = $1 ORDER BY r.id DESC LIMIT 50"#,
        page_id
    )
    .fetch_all(db)
    .await
}

/// `(page id, the revision's fields)`; publication state is the page's own.
pub async fn revision(
    db: impl PgExecutor<'_>,
    revision_id: i64,
) -> sqlx::Result<Option<(i32, PageFields)>> {
    let r = sqlx::query!(
        "SELECT r.page_id, p.slug, r.title, r.body, r.seo_title, r.seo_description, p.published
         FROM page_revisions r JOIN pages p ON p.id = r.page_id WHERE r.id = $1",
        revision_id
    )
    .fetch_optional(db)
    .await?;
    Ok(r.map(|r| {
        (
            r.page_id,
            PageFields {
                slug: r.slug,
                title: r.title,
                body: r.body,
                seo_title: r.seo_title,
                seo_description: r.seo_description,
                published: r.published,
            },
        )
    }))
}

/// Inserts a page unless its slug exists (demo data).
pub async fn insert_if_new(tx: &mut PgConnection, p: &PageFields) -> sqlx::Result<bool> {
    let exists = sqlx::query_scalar!("SELECT id FROM pages WHERE slug = $1", p.slug)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_some() {
        return Ok(false);
    }
    insert(tx, p, None).await?;
    Ok(true)
}
