//! The demo catalogue: ten categories of an Indian neighbourhood store, about
//! a hundred products (from `products.tsv`), generated images, and a few
//! dozen orders so that bestsellers and "customers also bought" have data.

use super::DemoError;
use crate::{
    db::catalog_writes::{self, NewCategory, NewProduct},
    domain::slugify,
};
use sqlx::PgPool;

const CATEGORIES: &str = include_str!("categories.tsv");
const PRODUCTS: &str = include_str!("products.tsv");

/// Baskets people buy together; each demo order is one of these (by SKU),
/// sometimes with one more item.
const BASKETS: [&[&str]; 10] = [
    &["STP-001", "SPC-007", "DRY-003"],
    &["STP-003", "STP-004", "SPC-001"],
    &["BEV-001", "SNK-001", "STP-007"],
    &["BAB-001", "BAB-002"],
    &["STN-001", "STN-002", "STN-004"],
    &["HLT-001", "HLT-003"],
    &["SNK-011", "SNK-012"],
    &["DRY-001", "DRY-005", "DRY-002"],
    &["PER-001", "PER-006"],
    &["HSE-001", "HSE-003", "HSE-004"],
];

/// A price column in rupees, as paise (the admin's parser, so demo data obeys the same rules).
fn rupees_to_paise(text: &str) -> Result<i64, DemoError> {
    crate::domain::parse_rupees(text)
        .map(|paise| paise.0)
        .map_err(|e| DemoError::Invalid(format!("price {text:?}: {e}")))
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

pub async fn load(pool: &PgPool) -> Result<(), DemoError> {
    let mut tx = pool.begin().await?;
    let mut categories = std::collections::HashMap::new();
    for (position, fields) in rows(CATEGORIES).enumerate() {
        let [slug, name, description] = fields[..] else {
            return Err(DemoError::Invalid(format!("category row {fields:?}")));
        };
        let id = catalog_writes::ensure_category(
            &mut *tx,
            NewCategory {
                slug,
                name,
                description,
                position: position as i32,
            },
        )
        .await?;
        categories.insert(slug, (id, description));
    }
    for fields in rows(PRODUCTS) {
        let [category, sku, name, brand, unit, price, mrp, gst, hsn, stock, featured, description] =
            fields[..]
        else {
            return Err(DemoError::Invalid(format!("product row {fields:?}")));
        };
        let (category_id, category_blurb) = *categories
            .get(category)
            .ok_or_else(|| DemoError::Invalid(format!("unknown category {category}")))?;
        let description = format!("{description} {category_blurb} Prices include GST.");
        let slug = slugify(&format!("{brand} {name} {unit}"));
        let invalid = |what: &str| DemoError::Invalid(format!("{sku}: {what}"));
        let featured = featured == "yes";
        let inserted = catalog_writes::insert_product_if_new(
            &mut *tx,
            NewProduct {
                sku,
                slug: &slug,
                name,
                brand,
                category_id,
                unit,
                description: &description,
                price_paise: rupees_to_paise(price)?,
                mrp_paise: rupees_to_paise(mrp)?,
                gst_rate: gst.parse().map_err(|_| invalid("GST rate"))?,
                hsn,
                stock: stock.parse().map_err(|_| invalid("stock"))?,
                featured,
            },
        )
        .await?;
        if let Some(id) = inserted {
            let file = sku.to_lowercase();
            let front = format!("{brand} {name}, {unit} pack, front");
            catalog_writes::add_image(
                &mut *tx,
                id,
                &format!("/media/demo/{file}-1.svg"),
                &front,
                0,
            )
            .await?;
            if featured {
                let back = format!("{brand} {name}, {unit} pack, back with the label");
                catalog_writes::add_image(
                    &mut *tx,
                    id,
                    &format!("/media/demo/{file}-2.svg"),
                    &back,
                    1,
                )
                .await?;
            }
        }
    }
    load_orders(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

async fn load_orders(tx: &mut sqlx::PgConnection) -> Result<(), DemoError> {
    let products = catalog_writes::ids_by_sku(&mut *tx).await?;
    let find = |sku: &str| {
        products
            .iter()
            .find(|(s, ..)| s == sku)
            .map(|(_, id, price, gst)| (*id, *price, *gst))
    };
    for n in 0..48_usize {
        let basket = BASKETS[n % BASKETS.len()];
        let mut lines = Vec::new();
        for (i, sku) in basket.iter().enumerate() {
            if let Some((id, price, gst)) = find(sku) {
                lines.push((id, 1 + ((n + i) % 3) as i32, price, gst));
            }
        }
        // Every third order adds an item from elsewhere in the shop.
        if n % 3 == 0 {
            if let Some((_, id, price, gst)) = products.get((n * 7) % products.len()) {
                if !lines.iter().any(|(existing, ..)| existing == id) {
                    lines.push((*id, 1, *price, *gst));
                }
            }
        }
        let reference = format!("DEMO-{:04}", n + 1);
        catalog_writes::insert_order_if_new(
            tx,
            &reference,
            "delivered",
            (n as i32 % 60) + 1,
            &lines,
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_files_are_well_formed() {
        let products: Vec<_> = rows(PRODUCTS).collect();
        assert!(
            (95..=120).contains(&products.len()),
            "{} products",
            products.len()
        );
        assert!(
            products.iter().all(|f| f.len() == 12),
            "a product row has the wrong number of fields"
        );
        assert_eq!(rows(CATEGORIES).count(), 10);
        let mut slugs: Vec<String> = products
            .iter()
            .map(|f| slugify(&format!("{} {} {}", f[3], f[2], f[4])))
            .collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(
            slugs.len(),
            products.len(),
            "two demo products share a slug"
        );
    }

    #[test]
    fn prices_are_read_into_paise() {
        assert_eq!(rupees_to_paise("689").unwrap(), 68_900);
        assert_eq!(rupees_to_paise("42.5").unwrap(), 4_250);
        assert!(rupees_to_paise("abc").is_err());
    }
}
