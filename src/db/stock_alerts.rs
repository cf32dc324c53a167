//! Back-in-stock requests.

use sqlx::{PgConnection, PgExecutor};

/// Records the request; asking twice is the same as asking once.
pub async fn subscribe(db: impl PgExecutor<'_>, product_id: i32, email: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO stock_alerts (product_id, email) VALUES ($1, $2)
         ON CONFLICT (product_id, email) WHERE notified_at IS NULL DO NOTHING",
        product_id,
        email
    )
    .execute(db)
    .await?;
    Ok(())
}

pub struct DueAlert {
    pub email: String,
    pub product_name: String,
    pub product_slug: String,
}

/// Takes the open requests for products that are back in stock, marking them
/// notified in the caller's transaction (locked rows are skipped, so two
/// workers never take the same one).
pub async fn take_due(tx: &mut PgConnection) -> sqlx::Result<Vec<DueAlert>> {
    sqlx::query_as!(
        DueAlert,
        r#"WITH due AS (
               SELECT a.id FROM stock_alerts a JOIN products p ON p.id = a.product_id
               WHERE a.notified_at IS NULL AND p.stock > 0 AND p.active
               FOR UPDATE OF a SKIP LOCKED
           ), marked AS (
               UPDATE stock_alerts a SET notified_at = now() FROM due WHERE a.id = due.id
               RETURNING a.email, a.product_id
           )
           SELECT m.email, p.name AS product_name, p.slug AS product_slug
           FROM marked m JOIN products p ON p.id = m.product_id"#
    )
    .fetch_all(&mut *tx)
    .await
}

/// The slug of an active product, for sending the shopper back to it.
pub async fn product_slug(
    db: impl PgExecutor<'_>,
    product_id: i32,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!(
        "SELECT slug FROM products WHERE id = $1 AND active",
        product_id
    )
    .fetch_optional(db)
    .await
}
