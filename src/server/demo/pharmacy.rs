//! The demo pharmacy: a category of batch-tracked medicines, a supplier and
//! the goods receipt that brought them in, with batches that expire at
//! different times (dates relative to the day the demo is loaded): one
//! already expired, some expiring soon, the rest well in date.

use super::DemoError;
use crate::{
    db::{
        catalog_writes::{self, NewCategory, NewProduct},
        goods_receipts::{self, ReceivedLine},
        stock::{self, StockReason},
    },
    domain::slugify,
};
use sqlx::{PgConnection, PgPool};

/// `(sku, name, brand, unit, price ₹, MRP ₹, description)`; GST 12 %, HSN 3004.
const MEDICINES: [(&str, &str, &str, &str, i64, i64, &str); 6] = [
    (
        "PHM-001",
        "Paracetamol 650 mg",
        "Dolo",
        "15 tablets",
        30,
        34,
        "For fever and body ache.",
    ),
    (
        "PHM-002",
        "Cetirizine 10 mg",
        "Okacet",
        "10 tablets",
        18,
        20,
        "For allergies, sneezing and a runny nose.",
    ),
    (
        "PHM-003",
        "Amoxicillin 500 mg",
        "Mox",
        "10 capsules",
        95,
        105,
        "An antibiotic, sold against a prescription.",
    ),
    (
        "PHM-004",
        "Azithromycin 500 mg",
        "Azee",
        "3 tablets",
        110,
        120,
        "An antibiotic, sold against a prescription.",
    ),
    (
        "PHM-005",
        "Cefixime 200 mg",
        "Taxim-O",
        "10 tablets",
        98,
        109,
        "An antibiotic, sold against a prescription.",
    ),
    (
        "PHM-006",
        "Pantoprazole 40 mg",
        "Pan",
        "15 tablets",
        150,
        165,
        "For acidity and heartburn.",
    ),
];

/// `(sku, batch, days until expiry, MRP ₹, cost ₹, units)`.
const BATCHES: [(&str, &str, i32, i64, i64, i32); 9] = [
    ("PHM-001", "DL24A17", 45, 33, 22, 30),
    ("PHM-001", "DL25C03", 420, 34, 23, 60),
    ("PHM-002", "OK24X09", -10, 20, 12, 8),
    ("PHM-002", "OK25B11", 300, 20, 12, 40),
    ("PHM-003", "MX25A02", 365, 105, 70, 25),
    ("PHM-004", "AZ25K10", 500, 120, 80, 20),
    ("PHM-005", "TX25M04", 75, 109, 72, 12),
    ("PHM-006", "PN25J21", 610, 165, 105, 35),
    ("PHM-006", "PN24F30", 200, 160, 100, 10),
];

const SUPPLIER: &str = "Shree Medico Distributors";
const SUPPLIER_GSTIN: &str = "29AAGCB7383J1Z4";
const INVOICE: &str = "SMD/2026/0417";

pub async fn load(pool: &PgPool) -> Result<(), DemoError> {
    let mut tx = pool.begin().await?;
    let category_id = catalog_writes::ensure_category(
        &mut *tx,
        NewCategory {
            slug: "pharmacy",
            name: "Pharmacy",
            description: "Medicines from licensed distributors, stored and sold by batch: the earliest expiry goes out first and nothing past its date is sold.",
            position: 100,
        },
    )
    .await?;
    let mut new_products = false;
    for (sku, name, brand, unit, price, mrp, description) in MEDICINES {
        let slug = slugify(&format!("{brand} {name} {unit}"));
        let inserted = catalog_writes::insert_product_if_new(
            &mut *tx,
            NewProduct {
                sku,
                slug: &slug,
                name,
                brand,
                category_id,
                unit,
                description: &format!(
                    "{description} Read the label before use. Prices include GST."
                ),
                price_paise: price * 100,
                mrp_paise: mrp * 100,
                gst_rate: 12,
                hsn: "3004",
                stock: 0,
                featured: false,
            },
        )
        .await?;
        if let Some(id) = inserted {
            new_products = true;
            sqlx::query!("UPDATE products SET batch_tracked = true WHERE id = $1", id)
                .execute(&mut *tx)
                .await?;
            catalog_writes::add_image(
                &mut *tx,
                id,
                "/media/demo/hlt-001-1.svg",
                &format!("{brand} {name}, {unit} strip"),
                0,
            )
            .await?;
        }
    }
    if new_products {
        receive(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn receive(tx: &mut PgConnection) -> Result<(), DemoError> {
    let staff = sqlx::query_scalar!("SELECT id FROM users WHERE email = 'staff@demo.haat.local'")
        .fetch_optional(&mut *tx)
        .await?;
    let supplier =
        goods_receipts::upsert_supplier(&mut *tx, SUPPLIER, Some(SUPPLIER_GSTIN)).await?;
    let invoice_date: String = sqlx::query_scalar!(r#"SELECT (kolkata_today() - 2)::text AS "d!""#)
        .fetch_one(&mut *tx)
        .await?;
    let Some(staff) = staff else {
        return Err(DemoError::Invalid(
            "the demo staff account is missing".into(),
        ));
    };
    let Some(receipt) =
        goods_receipts::insert(&mut *tx, supplier, INVOICE, &invoice_date, staff).await?
    else {
        return Ok(());
    };
    stock::set_reason(
        &mut *tx,
        StockReason {
            reason: "received",
            order_id: None,
            actor_id: Some(staff),
            note: "Demo delivery",
        },
    )
    .await?;
    for (sku, batch_no, days, mrp, cost, quantity) in BATCHES {
        // Goods receipts refuse expired batches: the expired one is received
        // in date and then dated back.
        let (product_id, expires_on) = sqlx::query!(
            r#"SELECT id, (kolkata_today() + $2::integer)::text AS "expires!" FROM products WHERE sku = $1"#,
            sku,
            days.max(1)
        )
        .fetch_one(&mut *tx)
        .await
        .map(|r| (r.id, r.expires))?;
        let line = ReceivedLine {
            product_id,
            batch_no,
            expires_on: &expires_on,
            quantity,
            cost_paise: cost * 100,
            mrp_paise: mrp * 100,
        };
        if goods_receipts::receive_line(&mut *tx, receipt, &line)
            .await?
            .is_err()
        {
            return Err(DemoError::Invalid(format!("{sku} batch {batch_no}")));
        }
    }
    // Dated back once every batch is in, so that no product passes through
    // an empty moment (which would raise a low-stock alert).
    for (sku, batch_no, days, ..) in BATCHES.into_iter().filter(|b| b.2 < 1) {
        sqlx::query!(
            "UPDATE product_batches SET expires_on = kolkata_today() + $3::integer
             WHERE product_id = (SELECT id FROM products WHERE sku = $1) AND batch_no = $2",
            sku,
            batch_no,
            days
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
