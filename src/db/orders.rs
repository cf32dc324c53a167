//! Placing orders (taking the stock in the same transaction), reading them
//! back, and moving them from one status to the next.

use crate::domain::{OrderEvent, OrderLine, Paise};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

pub struct NewOrder<'a> {
    pub reference: &'a str,
    pub user_id: Option<Uuid>,
    pub payment_method: &'a str,
    pub fulfilment: &'a str,
    pub customer_name: &'a str,
    pub email: &'a str,
    pub mobile: &'a str,
    pub address: Option<&'a str>,
    pub city: Option<&'a str>,
    pub state: Option<&'a str>,
    pub pin: Option<&'a str>,
    /// The buyer's GSTIN, for a business invoice.
    pub gstin: Option<&'a str>,
    pub expires_in_secs: Option<i64>,
    /// SHA-256 of the key in the order's link (see `server::order_access`).
    pub access_key_hash: &'a [u8],
}

/// Why an order could not be placed.
pub enum PlaceError {
    /// `(product name, units left)` for the first line that no longer fits.
    OutOfStock(String, i32),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for PlaceError {
    fn from(e: sqlx::Error) -> Self {
        PlaceError::Database(e)
    }
}

/// Places an order for the cart's lines: each line takes its stock with a
/// guarded decrement (`stock >= n`), so concurrent orders can never oversell;
/// prices come from the catalogue. Returns the total. Roll back on error.
pub async fn place(
    tx: &mut PgConnection,
    order: NewOrder<'_>,
    cart_id: Uuid,
) -> Result<Paise, PlaceError> {
    let status = if order.payment_method == "cod" {
        "to_pay_at_pickup"
    } else {
        "awaiting_payment"
    };
    let order_id = sqlx::query_scalar!(
        "INSERT INTO orders (reference, user_id, status, payment_method, fulfilment, customer_name, email, mobile,
                             address, city, state, pin, expires_at, access_key_hash, gstin)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                 CASE WHEN $13::bigint IS NULL THEN NULL ELSE now() + make_interval(secs => $13::bigint) END,
                 $14, $15)
         RETURNING id",
        order.reference,
        order.user_id,
        status,
        order.payment_method,
        order.fulfilment,
        order.customer_name,
        order.email,
        order.mobile,
        order.address,
        order.city,
        order.state,
        order.pin,
        order.expires_in_secs,
        order.access_key_hash,
        order.gstin
    )
    .fetch_one(&mut *tx)
    .await?;
    super::stock::set_reason(
        tx,
        super::stock::StockReason {
            reason: "order",
            order_id: Some(order_id),
            actor_id: order.user_id,
            note: "",
        },
    )
    .await?;
    // Lock products in id order so that concurrent orders cannot deadlock.
    let lines = sqlx::query!(
        "SELECT ci.product_id, ci.quantity, p.name, p.batch_tracked
         FROM cart_items ci JOIN products p ON p.id = ci.product_id
         WHERE ci.cart_id = $1 AND p.active ORDER BY ci.product_id",
        cart_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut total = 0_i64;
    for line in &lines {
        let line_total = if line.batch_tracked {
            place_batch_line(tx, order_id, line.product_id, line.quantity, &line.name).await?
        } else {
            place_line(tx, order_id, line.product_id, line.quantity, &line.name).await?
        };
        total += line_total;
    }
    sqlx::query!(
        "UPDATE orders SET total_paise = $2 WHERE id = $1",
        order_id,
        total
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO order_events (order_id, status) VALUES ($1, $2)",
        order_id,
        status
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!("DELETE FROM cart_items WHERE cart_id = $1", cart_id)
        .execute(&mut *tx)
        .await?;
    Ok(Paise(total))
}

/// Takes a line's units from the product's stock with a guarded decrement
/// and records the line; returns its total.
async fn place_line(
    tx: &mut PgConnection,
    order_id: i64,
    product_id: i32,
    quantity: i32,
    name: &str,
) -> Result<i64, PlaceError> {
    let taken = sqlx::query!(
        "UPDATE products SET stock = stock - $2, updated_at = now()
         WHERE id = $1 AND stock >= $2 RETURNING price_paise, gst_rate",
        product_id,
        quantity
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(taken) = taken else {
        let left = sqlx::query_scalar!("SELECT stock FROM products WHERE id = $1", product_id)
            .fetch_one(&mut *tx)
            .await?;
        return Err(PlaceError::OutOfStock(name.to_string(), left));
    };
    insert_item(
        tx,
        order_id,
        product_id,
        quantity,
        taken.price_paise,
        taken.gst_rate,
    )
    .await?;
    Ok(taken.price_paise * i64::from(quantity))
}

/// Takes a batch-tracked line's units first-expiry-first-out and records
/// the line with the batches it took, at a price no higher than any of
/// those batches' MRP; returns its total.
async fn place_batch_line(
    tx: &mut PgConnection,
    order_id: i64,
    product_id: i32,
    quantity: i32,
    name: &str,
) -> Result<i64, PlaceError> {
    let Some(taken) = super::batches::take_fefo(tx, product_id, quantity).await? else {
        let left = sqlx::query_scalar!(
            r#"SELECT coalesce(sum(quantity), 0)::integer AS "left!" FROM product_batches
               WHERE product_id = $1 AND expires_on > kolkata_today()"#,
            product_id
        )
        .fetch_one(&mut *tx)
        .await?;
        return Err(PlaceError::OutOfStock(name.to_string(), left));
    };
    let product = sqlx::query!(
        "SELECT price_paise, gst_rate FROM products WHERE id = $1",
        product_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let lowest_mrp = taken.iter().map(|t| t.mrp_paise).min();
    let price = lowest_mrp.map_or(product.price_paise, |mrp| mrp.min(product.price_paise));
    insert_item(tx, order_id, product_id, quantity, price, product.gst_rate).await?;
    super::batches::record_taken(tx, order_id, product_id, &taken).await?;
    Ok(price * i64::from(quantity))
}

async fn insert_item(
    tx: &mut PgConnection,
    order_id: i64,
    product_id: i32,
    quantity: i32,
    unit_price_paise: i64,
    gst_rate: i16,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO order_items (order_id, product_id, quantity, unit_price_paise, gst_rate)
         VALUES ($1, $2, $3, $4, $5)",
        order_id,
        product_id,
        quantity,
        unit_price_paise,
        gst_rate
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub struct OrderRow {
    pub id: i64,
    pub reference: String,
    pub user_id: Option<Uuid>,
    pub status: String,
    pub payment_method: String,
    pub fulfilment: String,
    pub total_paise: i64,
    pub placed_at: String,
    pub utr: Option<String>,
}

pub async fn by_reference(
    db: impl PgExecutor<'_>,
    reference: &str,
) -> sqlx::Result<Option<OrderRow>> {
    sqlx::query_as!(
        OrderRow,
        r#"SELECT id, reference, user_id, status, payment_method, fulfilment, total_paise, utr,
                  to_char(placed_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "placed_at!"
           FROM orders WHERE reference = $1"#,
        reference
    )
    .fetch_optional(db)
    .await
}

pub async fn for_user(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Vec<OrderRow>> {
    sqlx::query_as!(
        OrderRow,
        r#"SELECT id, reference, user_id, status, payment_method, fulfilment, total_paise, utr,
                  to_char(placed_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "placed_at!"
           FROM orders WHERE user_id = $1 ORDER BY placed_at DESC LIMIT 50"#,
        user_id
    )
    .fetch_all(db)
    .await
}

pub async fn lines(db: impl PgExecutor<'_>, order_id: i64) -> sqlx::Result<Vec<OrderLine>> {
    let rows = sqlx::query!(
        "SELECT p.name, p.unit, oi.quantity, oi.unit_price_paise FROM order_items oi
         JOIN products p ON p.id = oi.product_id WHERE oi.order_id = $1 ORDER BY p.name",
        order_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| OrderLine {
            name: r.name,
            unit: r.unit,
            quantity: r.quantity,
            unit_price: Paise(r.unit_price_paise),
        })
        .collect())
}

pub async fn timeline(db: impl PgExecutor<'_>, order_id: i64) -> sqlx::Result<Vec<OrderEvent>> {
    sqlx::query_as!(
        OrderEvent,
        r#"SELECT status, to_char(at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "at!"
           FROM order_events WHERE order_id = $1 ORDER BY at, id"#,
        order_id
    )
    .fetch_all(db)
    .await
}

/// Moves an order from `from` to `to` and records it; `false` when the order
/// was not in `from` (so nothing happens twice).
pub async fn transition(
    tx: &mut PgConnection,
    order_id: i64,
    from: &str,
    to: &str,
    utr: Option<&str>,
) -> sqlx::Result<bool> {
    let moved = sqlx::query!(
        "UPDATE orders SET status = $3, utr = coalesce($4, utr) WHERE id = $1 AND status = $2",
        order_id,
        from,
        to,
        utr
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if moved {
        sqlx::query!(
            "INSERT INTO order_events (order_id, status) VALUES ($1, $2)",
            order_id,
            to
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(moved)
}

/// The customer reports the UTR of their UPI payment: the order waits for
/// staff to match it until `expires_in_secs` from now. `false` when the order
/// was not awaiting payment; a UTR already on another live order fails with
/// the unique violation `orders_utr_once`.
pub async fn report_utr(
    tx: &mut PgConnection,
    order_id: i64,
    utr: &str,
    expires_in_secs: i64,
) -> sqlx::Result<bool> {
    let moved = sqlx::query!(
        "UPDATE orders SET status = 'payment_submitted', utr = $2,
                expires_at = now() + make_interval(secs => $3::bigint)
         WHERE id = $1 AND status = 'awaiting_payment' AND payment_method = 'upi'",
        order_id,
        utr,
        expires_in_secs
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if moved {
        sqlx::query!(
            "INSERT INTO order_events (order_id, status) VALUES ($1, 'payment_submitted')",
            order_id
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(moved)
}

/// SHA-256 of the key in the order's link, if it has one.
pub async fn access_key_hash(
    db: impl PgExecutor<'_>,
    order_id: i64,
) -> sqlx::Result<Option<Vec<u8>>> {
    let hash = sqlx::query_scalar!("SELECT access_key_hash FROM orders WHERE id = $1", order_id)
        .fetch_optional(db)
        .await?;
    Ok(hash.flatten())
}
