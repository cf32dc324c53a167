//! A product as a card in a list: the columns every list selects (with its
//! first image through a lateral join) and the row they read into.

use crate::domain::{Paise, ProductCard};

macro_rules! product_columns {
    () => {
        // A batch-tracked product never sells above the MRP of the batch an
        // order would take next (`batch_mrp_paise`, NULL otherwise).
        "p.id, p.slug, p.name, p.brand, p.unit, LEAST(p.price_paise, p.batch_mrp_paise) AS price_paise,
         coalesce(p.batch_mrp_paise, p.mrp_paise) AS mrp_paise, p.stock"
    };
}

/// The product columns of a card, for `p` = products: what a query that
/// chooses a page of products selects before [`page_of_cards`] adds images.
pub const PRODUCT_COLUMNS: &str = product_columns!();

/// The columns of a card, for `p` = products joined with [`FIRST_IMAGE`].
pub const CARD_COLUMNS: &str = concat!(
    product_columns!(),
    ", coalesce(img.path, '') AS image, coalesce(img.alt, p.name) AS image_alt"
);

/// The columns of a card, for `p` = a page [`PRODUCT_COLUMNS`] already chose.
const CHOSEN_CARD_COLUMNS: &str =
    "p.id, p.slug, p.name, p.brand, p.unit, p.price_paise, p.mrp_paise, p.stock, \
     coalesce(img.path, '') AS image, coalesce(img.alt, p.name) AS image_alt";
macro_rules! first_image {
    () => {
        "LEFT JOIN LATERAL (SELECT path, alt FROM product_images i
         WHERE i.product_id = p.id ORDER BY position, id LIMIT 1) img ON true"
    };
}
pub const FIRST_IMAGE: &str = first_image!();

/// Cards for the products `chosen` picks: a query that selects
/// [`PRODUCT_COLUMNS`], a `position` to keep them in and any `extra` columns,
/// and cuts its own page (LIMIT). Images are looked up for that page only:
/// joined before the cut, a category of 10,000 products would look up 10,000.
pub fn page_of_cards(chosen: &str, extra: &str) -> String {
    format!("{}{chosen}{PAGE_OF_CARDS_END}", page_of_cards_start(extra))
}

/// [`page_of_cards`] in two halves, for a query built with binds in between.
pub fn page_of_cards_start(extra: &str) -> String {
    format!("SELECT {CHOSEN_CARD_COLUMNS}{extra} FROM (")
}
pub const PAGE_OF_CARDS_END: &str = concat!(") p ", first_image!(), " ORDER BY p.position, p.id");

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
