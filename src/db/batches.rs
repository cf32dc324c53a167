//! Batches: taking stock first-expiry-first-out for an order, putting it
//! back, adjusting a batch by hand, and reading batches and expiry alerts.
//! The ledger and a product's sellable stock follow from triggers
//! (`migrations/*_batches.sql`); the reason comes from `stock::set_reason`.

use crate::domain::{BatchView, ExpiringBatch, ExpiryState, Paise, StockAlertCounts};
use sqlx::{PgConnection, PgExecutor};

/// Units an order line took from one batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub batch_id: i32,
    pub quantity: i32,
    pub mrp_paise: i64,
}

/// Locks the rows of `product_ids`, lowest id first. Every path that
/// changes batches locks the product before its batches (a batch's trigger
/// updates the product row), in the order checkout locks them, so two
/// transactions can never wait on each other in a circle.
pub async fn lock_products(tx: &mut PgConnection, product_ids: &[i32]) -> sqlx::Result<()> {
    sqlx::query!(
        "SELECT id FROM products WHERE id = ANY($1) ORDER BY id FOR UPDATE",
        product_ids
    )
    .fetch_all(&mut *tx)
    .await?;
    Ok(())
}

/// Takes `quantity` units of a batch-tracked product from its unexpired
/// batches, earliest expiry first, splitting across batches as needed.
/// `None` (and nothing taken) when the unexpired batches hold too little.
/// Locks the product's row first, so concurrent orders for it queue up and
/// none can take a unit another already took.
pub async fn take_fefo(
    tx: &mut PgConnection,
    product_id: i32,
    quantity: i32,
) -> sqlx::Result<Option<Vec<Taken>>> {
    sqlx::query!(
        "SELECT id FROM products WHERE id = $1 FOR UPDATE",
        product_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let batches = sqlx::query!(
        "SELECT id, quantity, mrp_paise FROM product_batches
         WHERE product_id = $1 AND quantity > 0 AND expires_on > kolkata_today()
         ORDER BY expires_on, id FOR UPDATE",
        product_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut wanted = quantity;
    let mut taken = Vec::new();
    for batch in batches {
        if wanted == 0 {
            break;
        }
        let units = wanted.min(batch.quantity);
        taken.push(Taken {
            batch_id: batch.id,
            quantity: units,
            mrp_paise: batch.mrp_paise,
        });
        wanted -= units;
    }
    if wanted > 0 {
        return Ok(None);
    }
    for t in &taken {
        sqlx::query!(
            "UPDATE product_batches SET quantity = quantity - $2 WHERE id = $1",
            t.batch_id,
            t.quantity
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(Some(taken))
}

/// Records which batches an order line took (after its `order_items` row).
pub async fn record_taken(
    tx: &mut PgConnection,
    order_id: i64,
    product_id: i32,
    taken: &[Taken],
) -> sqlx::Result<()> {
    for t in taken {
        sqlx::query!(
            "INSERT INTO order_item_batches (order_id, product_id, batch_id, quantity)
             VALUES ($1, $2, $3, $4)",
            order_id,
            product_id,
            t.batch_id,
            t.quantity
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Puts an order's units of batch-tracked products back into the batches
/// they came from (an expired batch takes them back too: they are on the
/// shelf, not for sale). The caller has locked the products.
pub async fn return_for_order(tx: &mut PgConnection, order_id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE product_batches b SET quantity = b.quantity + oib.quantity
         FROM order_item_batches oib JOIN products p ON p.id = oib.product_id
         WHERE oib.order_id = $1 AND b.id = oib.batch_id AND p.batch_tracked",
        order_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Adds `delta` to a batch unless it would go below zero: `Some(new
/// quantity)`, or `None` when there is not enough. Rows of other products
/// are untouched: the caller names the product the batch must belong to.
pub async fn adjust(
    tx: &mut PgConnection,
    product_id: i32,
    batch_id: i32,
    delta: i32,
) -> sqlx::Result<Option<i32>> {
    lock_products(tx, &[product_id]).await?;
    sqlx::query_scalar!(
        "UPDATE product_batches SET quantity = quantity + $3
         WHERE id = $2 AND product_id = $1 AND quantity + $3 >= 0 RETURNING quantity",
        product_id,
        batch_id,
        delta
    )
    .fetch_optional(&mut *tx)
    .await
}

/// A batch's units, or `None` when the product has no such batch.
pub async fn quantity(
    db: impl PgExecutor<'_>,
    product_id: i32,
    batch_id: i32,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        "SELECT quantity FROM product_batches WHERE id = $1 AND product_id = $2",
        batch_id,
        product_id
    )
    .fetch_optional(db)
    .await
}

/// Brings every batch-tracked product's sellable stock up to `today`
/// (Asia/Kolkata): a batch whose expiry date has come stops counting.
/// Returns how many products changed.
pub async fn refresh_expired(db: impl PgExecutor<'_>, today: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        // Lowest product id first, as checkout locks them.
        r#"SELECT count(refresh_batch_stock(product_id, $1::text::date)) AS "count!"
           FROM (SELECT DISTINCT b.product_id FROM product_batches b JOIN products p ON p.id = b.product_id
                 WHERE p.batch_tracked AND b.quantity > 0 AND b.expires_on <= $1::text::date
                 ORDER BY b.product_id) due"#,
        today
    )
    .fetch_one(db)
    .await
}

/// A row with the batch's columns (as both queries below select them) as
/// staff see it.
macro_rules! batch_view {
    ($r:expr) => {
        BatchView {
            id: $r.id,
            batch_no: $r.batch_no,
            expires: $r.expires,
            mrp: Paise($r.mrp_paise),
            cost: Paise($r.cost_paise),
            quantity: $r.quantity,
            state: state($r.days_left, $r.near_expiry_days),
        }
    };
}

fn state(days_left: i32, near_expiry_days: i32) -> ExpiryState {
    if days_left <= 0 {
        ExpiryState::Expired
    } else if days_left <= near_expiry_days {
        ExpiryState::NearExpiry
    } else {
        ExpiryState::Sellable
    }
}

/// A product's batches, the ones with stock first, by expiry.
pub async fn for_product(db: impl PgExecutor<'_>, product_id: i32) -> sqlx::Result<Vec<BatchView>> {
    let rows = sqlx::query!(
        r#"SELECT b.id, b.batch_no, to_char(b.expires_on, 'DD Mon YYYY') AS "expires!",
                  b.mrp_paise, b.cost_paise, b.quantity,
                  (b.expires_on - kolkata_today()) AS "days_left!", s.near_expiry_days
           FROM product_batches b CROSS JOIN settings s
           WHERE b.product_id = $1
           ORDER BY b.quantity = 0, b.expires_on, b.id LIMIT 200"#,
        product_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| batch_view!(r)).collect())
}

/// Batches with units that have expired or expire within the shop's
/// near-expiry window, soonest first.
pub async fn expiring(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<ExpiringBatch>> {
    let rows = sqlx::query!(
        r#"SELECT p.id AS product_id, p.name, p.sku, b.id, b.batch_no,
                  to_char(b.expires_on, 'DD Mon YYYY') AS "expires!",
                  b.mrp_paise, b.cost_paise, b.quantity,
                  (b.expires_on - kolkata_today()) AS "days_left!", s.near_expiry_days
           FROM product_batches b JOIN products p ON p.id = b.product_id CROSS JOIN settings s
           WHERE b.quantity > 0 AND b.expires_on <= kolkata_today() + s.near_expiry_days
           ORDER BY b.expires_on, p.name LIMIT 500"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ExpiringBatch {
            product_id: r.product_id,
            product: r.name,
            sku: r.sku,
            days_left: r.days_left,
            batch: batch_view!(r),
        })
        .collect())
}

/// The counts shown in the staff header: batches near expiry and expired
/// (with units on the shelf), and active products at or below their
/// low-stock threshold.
pub async fn alert_counts(db: impl PgExecutor<'_>) -> sqlx::Result<StockAlertCounts> {
    let row = sqlx::query!(
        r#"SELECT
             (SELECT count(*) FROM product_batches b, settings s
              WHERE b.quantity > 0 AND b.expires_on > kolkata_today()
                AND b.expires_on <= kolkata_today() + s.near_expiry_days) AS "near!",
             (SELECT count(*) FROM product_batches
              WHERE quantity > 0 AND expires_on <= kolkata_today()) AS "expired!",
             (SELECT count(*) FROM products p, settings s
              WHERE p.active AND p.stock <= coalesce(p.low_stock_threshold, s.low_stock_threshold)) AS "low!""#
    )
    .fetch_one(db)
    .await?;
    Ok(StockAlertCounts {
        near_expiry: row.near,
        expired: row.expired,
        low_stock: row.low,
    })
}

/// Batches whose quantity differs from the sum of their ledger entries
/// (always none): `(batch number, quantity, ledger sum)`.
pub async fn ledger_mismatches(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<(String, i32, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT b.batch_no, b.quantity, coalesce(sum(m.delta), 0)::bigint AS "ledger!"
           FROM product_batches b LEFT JOIN stock_movements m ON m.batch_id = b.id
           GROUP BY b.id HAVING b.quantity <> coalesce(sum(m.delta), 0)"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.batch_no, r.quantity, r.ledger))
        .collect())
}
