//! A product as a card in a list: the columns every list selects (with its
//! first image through a lateral join) and the row they read into.

use crate::domain::{Paise, ProductCard};

/// The columns of a product card, for `p` = products.
pub const CARD_COLUMNS: &str =
    "p.id, p.slug, p.name, p.brand, p.unit, p.price_paise, p.mrp_paise, p.stock,
    coalesce(img.path, '') AS image, coalesce(img.alt, p.name) AS image_alt";
pub const FIRST_IMAGE: &str = "LEFT JOIN LATERAL (SELECT path, alt FROM product_images i
    WHERE i.product_id = p.id ORDER BY position, id LIMIT 1) img ON true";

#[derive(sqlx::FromRow)]
pub struct CardRow {
    id: i32,
    slug: String,
    name: String,
    brand: String,
    unit: String,
    price_paise: i64,
    mrp_paise: i64,
    stock: i32,
    image: String,
    image_alt: String,
}

impl From<CardRow> for ProductCard {
    fn from(r: CardRow) -> Self {
        ProductCard {
            id: r.id,
            slug: r.slug,
            name: r.name,
            brand: r.brand,
            unit: r.unit,
            price: Paise(r.price_paise),
            mrp: Paise(r.mrp_paise),
            stock: r.stock,
            image: r.image,
            image_alt: r.image_alt,
        }
    }
}
