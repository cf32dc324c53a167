//! Header and footer links.

use crate::domain::MenuLink;
use sqlx::PgExecutor;

pub async fn all(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<MenuLink>> {
    sqlx::query_as!(
        MenuLink,
        "SELECT id, menu, label, href FROM menu_links ORDER BY menu, position, id"
    )
    .fetch_all(db)
    .await
}

pub async fn add(
    db: impl PgExecutor<'_>,
    menu: &str,
    label: &str,
    href: &str,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "INSERT INTO menu_links (menu, label, href, position)
         VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM menu_links WHERE menu = $1))
         RETURNING id",
        menu,
        label,
        href
    )
    .fetch_one(db)
    .await
}

pub async fn get(db: impl PgExecutor<'_>, id: i32) -> sqlx::Result<Option<MenuLink>> {
    sqlx::query_as!(
        MenuLink,
        "SELECT id, menu, label, href FROM menu_links WHERE id = $1",
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn remove(db: impl PgExecutor<'_>, id: i32) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM menu_links WHERE id = $1", id)
        .execute(db)
        .await?;
    Ok(())
}

/// Moves a link one place up or down within its menu.
pub async fn move_link(db: &mut sqlx::PgConnection, id: i32, up: bool) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE menu_links l SET position = o.n FROM (
             SELECT id, row_number() OVER (ORDER BY position, id)::int * 2 AS n FROM menu_links
             WHERE menu = (SELECT menu FROM menu_links WHERE id = $1)) o
         WHERE l.id = o.id",
        id
    )
    .execute(&mut *db)
    .await?;
    let shift = if up { -3 } else { 3 };
    sqlx::query!(
        "UPDATE menu_links SET position = position + $2 WHERE id = $1",
        id,
        shift
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

pub async fn count(db: impl PgExecutor<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM menu_links"#)
        .fetch_one(db)
        .await
}
