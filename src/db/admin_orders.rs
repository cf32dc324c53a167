//! Orders as staff see them: filtered lists, details, and returning stock
//! when an order is cancelled.

use crate::domain::{AdminOrderRow, Paise};
use sqlx::{PgConnection, PgExecutor};

pub struct OrderFilter<'a> {
    pub status: Option<&'a str>,
    pub payment_method: Option<&'a str>,
    /// Placed on or after this day (`YYYY-MM-DD`, already checked; India time).
    pub from: Option<&'a str>,
    /// Placed on or before this day.
    pub to: Option<&'a str>,
}

pub async fn list(db: impl PgExecutor<'_>, f: OrderFilter<'_>) -> sqlx::Result<Vec<AdminOrderRow>> {
    let rows = sqlx::query!(
        r#"SELECT reference, customer_name, status, payment_method, fulfilment, total_paise, utr,
                  to_char(placed_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "placed_at!"
           FROM orders
           WHERE ($1::text IS NULL OR status = $1)
             AND ($2::text IS NULL OR payment_method = $2)
             AND ($3::text IS NULL OR (placed_at AT TIME ZONE 'Asia/Kolkata')::date >= $3::text::date)
             AND ($4::text IS NULL OR (placed_at AT TIME ZONE 'Asia/Kolkata')::date <= $4::text::date)
           ORDER BY placed_at DESC LIMIT 200"#,
        f.status,
        f.payment_method,
        f.from,
        f.to
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AdminOrderRow {
            reference: r.reference,
            customer_name: r.customer_name,
            status: r.status,
            payment_method: r.payment_method,
            fulfilment: r.fulfilment,
            total: Paise(r.total_paise),
            placed_at: r.placed_at,
            utr: r.utr,
        })
        .collect())
}

pub struct Contact {
    pub email: String,
    pub mobile: String,
    pub address: Option<String>,
}

pub async fn contact(db: impl PgExecutor<'_>, order_id: i64) -> sqlx::Result<Contact> {
    let r = sqlx::query!(
        "SELECT email, mobile, address, city, state, pin FROM orders WHERE id = $1",
        order_id
    )
    .fetch_one(db)
    .await?;
    let address = r.address.map(|street| {
        [Some(street), r.city, r.state, r.pin]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    });
    Ok(Contact {
        email: r.email,
        mobile: r.mobile,
        address,
    })
}

/// Puts the order's units back on the shelf (the caller records why).
pub async fn return_stock(tx: &mut PgConnection, order_id: i64) -> sqlx::Result<()> {
    let products = sqlx::query_scalar!(
        "SELECT product_id FROM order_items WHERE order_id = $1",
        order_id
    )
    .fetch_all(&mut *tx)
    .await?;
    super::batches::lock_products(tx, &products).await?;
    super::batches::return_for_order(tx, order_id).await?;
    // Batch-tracked products went back to their batches above. (One sold
    // before it was switched to batches has no batch to go back to: staff
    // receive a returned pack into its batch by hand.)
    sqlx::query!(
        "UPDATE products p SET stock = p.stock + oi.quantity, updated_at = now()
         FROM order_items oi WHERE oi.order_id = $1 AND p.id = oi.product_id AND NOT p.batch_tracked",
        order_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn customer_name(db: impl PgExecutor<'_>, order_id: i64) -> sqlx::Result<String> {
    sqlx::query_scalar!("SELECT customer_name FROM orders WHERE id = $1", order_id)
        .fetch_one(db)
        .await
}
