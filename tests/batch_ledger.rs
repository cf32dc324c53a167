//! Property: whatever mix of receipts, sales, returns, expiries and
//! adjustments happens to a batch-tracked product, every batch's quantity
//! equals the sum of its ledger entries, and the product's sellable stock
//! equals the units of its batches that have not expired.

mod common;

use haat::db::{
    batches,
    stock::{set_reason, StockReason},
};
use proptest::prelude::*;
use sqlx::PgPool;

#[derive(Debug, Clone)]
enum Step {
    /// Units into batch `n` (created on first use, expiring `n * 10` days on).
    Receive(usize, i32),
    /// A sale of this many units, first expiry first.
    Sell(i32),
    /// The last sale comes back to its batches.
    ReturnLastSale,
    /// Batch `n`'s date arrives (its expiry becomes today).
    Expire(usize),
    /// A hand adjustment of batch `n` (negative: damaged, written off).
    Adjust(usize, i32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3_usize, 1..20_i32).prop_map(|(b, n)| Step::Receive(b, n)),
        (1..15_i32).prop_map(Step::Sell),
        Just(Step::ReturnLastSale),
        (0..3_usize).prop_map(Step::Expire),
        (0..3_usize, -10..10_i32).prop_map(|(b, n)| Step::Adjust(b, n)),
    ]
}

async fn product(pool: &PgPool, case: usize) -> i32 {
    sqlx::query_scalar(
        "INSERT INTO products (sku, slug, name, category_id, price_paise, mrp_paise, gst_rate, hsn, batch_tracked)
         VALUES ('P-' || $1, 'p-' || $1, 'Tablets ' || $1, (SELECT min(id) FROM categories), 100, 100, 12, '3004', true)
         RETURNING id",
    )
    .bind(case.to_string())
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn why(tx: &mut sqlx::PgConnection, reason: &str) {
    set_reason(
        tx,
        StockReason {
            reason,
            order_id: None,
            actor_id: None,
            note: "",
        },
    )
    .await
    .unwrap();
}

async fn run(pool: &PgPool, case: usize, steps: &[Step]) {
    let product_id = product(pool, case).await;
    let mut batch_ids: [Option<i32>; 3] = [None; 3];
    let mut last_sale: Vec<batches::Taken> = Vec::new();
    for step in steps {
        let mut tx = pool.begin().await.unwrap();
        match *step {
            Step::Receive(n, units) => {
                why(&mut tx, "received").await;
                let id: i32 = sqlx::query_scalar(
                    "INSERT INTO product_batches (product_id, batch_no, expires_on, mrp_paise, cost_paise, quantity)
                     VALUES ($1, 'B' || $2, kolkata_today() + 10 * ($2 + 1), 100, 50, $3)
                     ON CONFLICT (product_id, batch_no) DO UPDATE SET quantity = product_batches.quantity + $3
                     RETURNING id",
                )
                .bind(product_id)
                .bind(n as i32)
                .bind(units)
                .fetch_one(&mut *tx)
                .await
                .unwrap();
                batch_ids[n] = Some(id);
            }
            Step::Sell(units) => {
                why(&mut tx, "order").await;
                if let Some(taken) = batches::take_fefo(&mut tx, product_id, units)
                    .await
                    .unwrap()
                {
                    last_sale = taken;
                }
            }
            Step::ReturnLastSale => {
                why(&mut tx, "cancelled").await;
                for t in std::mem::take(&mut last_sale) {
                    batches::adjust(&mut tx, product_id, t.batch_id, t.quantity)
                        .await
                        .unwrap();
                }
            }
            Step::Expire(n) => {
                if let Some(id) = batch_ids[n] {
                    sqlx::query(
                        "UPDATE product_batches SET expires_on = kolkata_today() WHERE id = $1",
                    )
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                }
            }
            Step::Adjust(n, delta) => {
                if let (Some(id), true) = (batch_ids[n], delta != 0) {
                    why(&mut tx, if delta < 0 { "damaged" } else { "correction" }).await;
                    // Refused (None) when it would go below zero: nothing changes.
                    batches::adjust(&mut tx, product_id, id, delta)
                        .await
                        .unwrap();
                }
            }
        }
        tx.commit().await.unwrap();
    }
    assert!(batches::ledger_mismatches(pool).await.unwrap().is_empty());
    let (stock, sellable): (i32, i64) = sqlx::query_as(
        "SELECT p.stock, (SELECT coalesce(sum(quantity), 0)::bigint FROM product_batches
                          WHERE product_id = p.id AND expires_on > kolkata_today())
         FROM products p WHERE p.id = $1",
    )
    .bind(product_id)
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(i64::from(stock), sellable, "{steps:?}");
}

#[test]
fn the_ledger_sums_to_every_batch_after_any_sequence_of_movements() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let pool = runtime.block_on(async {
        let url = common::fresh_database().await;
        let pool = PgPool::connect(&url).await.unwrap();
        sqlx::query("INSERT INTO categories (slug, name) VALUES ('medicines', 'Medicines')")
            .execute(&pool)
            .await
            .unwrap();
        pool
    });
    let case = std::cell::Cell::new(0_usize);
    proptest!(ProptestConfig::with_cases(48), |(steps in prop::collection::vec(step(), 1..25))| {
        case.set(case.get() + 1);
        runtime.block_on(run(&pool, case.get(), &steps));
    });
}
