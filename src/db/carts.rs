//! Carts and their lines.

use super::product_cards::{CardRow, CARD_COLUMNS, FIRST_IMAGE};
use crate::domain::{CartLine, MAX_LINE_QUANTITY};
use sqlx::PgExecutor;
use uuid::Uuid;

pub async fn user_cart(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!("SELECT id FROM carts WHERE user_id = $1", user_id)
        .fetch_optional(db)
        .await
}

/// The user's cart, made if they have none.
pub async fn ensure_user_cart(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Uuid> {
    sqlx::query_scalar!(
        "INSERT INTO carts (user_id) VALUES ($1)
         ON CONFLICT (user_id) DO UPDATE SET updated_at = now() RETURNING id",
        user_id
    )
    .fetch_one(db)
    .await
}

pub async fn create_guest_cart(db: impl PgExecutor<'_>) -> sqlx::Result<Uuid> {
    sqlx::query_scalar!("INSERT INTO carts DEFAULT VALUES RETURNING id")
        .fetch_one(db)
        .await
}

/// Whether `id` is a cart that belongs to no account.
pub async fn is_guest_cart(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM carts WHERE id = $1 AND user_id IS NULL) AS "exists!""#,
        id
    )
    .fetch_one(db)
    .await
}

/// Moves a guest cart's lines into the account's cart (quantities add up,
/// to the line limit) and deletes the guest cart.
pub async fn merge(db: &mut sqlx::PgConnection, guest: Uuid, into: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO cart_items (cart_id, product_id, quantity)
         SELECT $2, product_id, quantity FROM cart_items WHERE cart_id = $1
         ON CONFLICT (cart_id, product_id)
         DO UPDATE SET quantity = least(cart_items.quantity + EXCLUDED.quantity, $3)",
        guest,
        into,
        MAX_LINE_QUANTITY
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!("DELETE FROM carts WHERE id = $1 AND user_id IS NULL", guest)
        .execute(&mut *db)
        .await?;
    Ok(())
}

pub async fn lines(db: impl PgExecutor<'_>, cart_id: Uuid) -> sqlx::Result<Vec<CartLine>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        card: CardRow,
        quantity: i32,
        gst_rate: i16,
    }
    let sql = format!(
        "SELECT {CARD_COLUMNS}, ci.quantity, p.gst_rate
         FROM cart_items ci JOIN products p ON p.id = ci.product_id {FIRST_IMAGE}
         WHERE ci.cart_id = $1 AND p.active
         ORDER BY ci.added_at, p.id"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(cart_id).fetch_all(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| CartLine {
            product: r.card.into(),
            quantity: r.quantity,
            gst_rate: r.gst_rate,
        })
        .collect())
}

/// `(stock, units already in this cart)` for an active product; `None` if it
/// is not sold (unknown or inactive).
pub async fn stock_and_quantity(
    db: impl PgExecutor<'_>,
    cart_id: Option<Uuid>,
    product_id: i32,
) -> sqlx::Result<Option<(i32, i32)>> {
    let row = sqlx::query!(
        r#"SELECT p.stock, coalesce((SELECT quantity FROM cart_items WHERE cart_id = $1 AND product_id = p.id), 0) AS "in_cart!"
           FROM products p WHERE p.id = $2 AND p.active"#,
        cart_id,
        product_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.stock, r.in_cart)))
}

pub async fn set_quantity(
    db: impl PgExecutor<'_>,
    cart_id: Uuid,
    product_id: i32,
    quantity: i32,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO cart_items (cart_id, product_id, quantity) VALUES ($1, $2, $3)
         ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity",
        cart_id,
        product_id,
        quantity
    )
    .execute(db)
    .await?;
    Ok(())
}

pub async fn remove(db: impl PgExecutor<'_>, cart_id: Uuid, product_id: i32) -> sqlx::Result<()> {
    sqlx::query!(
        "DELETE FROM cart_items WHERE cart_id = $1 AND product_id = $2",
        cart_id,
        product_id
    )
    .execute(db)
    .await?;
    Ok(())
}
