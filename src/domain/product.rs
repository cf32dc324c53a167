//! What storefront pages show of products and categories.

use super::Paise;
use serde::{Deserialize, Serialize};

/// Below this many units a product shows "Only N left".
pub const LOW_STOCK_BELOW: i32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StockLevel {
    InStock,
    Low(i32),
    Out,
}

impl StockLevel {
    pub fn of(stock: i32) -> StockLevel {
        match stock {
            s if s <= 0 => StockLevel::Out,
            s if s < LOW_STOCK_BELOW => StockLevel::Low(s),
            _ => StockLevel::InStock,
        }
    }

    pub fn label(self) -> String {
        match self {
            StockLevel::InStock => "In stock".into(),
            StockLevel::Low(n) => format!("Only {n} left"),
            StockLevel::Out => "Out of stock".into(),
        }
    }

    pub fn available(self) -> bool {
        !matches!(self, StockLevel::Out)
    }

    /// The schema.org availability URL for JSON-LD offers.
    pub fn schema_org(self) -> &'static str {
        match self {
            StockLevel::InStock => "https://schema.org/InStock",
            StockLevel::Low(_) => "https://schema.org/LimitedAvailability",
            StockLevel::Out => "https://schema.org/OutOfStock",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySummary {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub product_count: i64,
}

/// A product in a grid or list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub brand: String,
    pub unit: String,
    pub price: Paise,
    pub mrp: Paise,
    pub stock: i32,
    pub image: String,
    pub image_alt: String,
}

impl ProductCard {
    pub fn stock_level(&self) -> StockLevel {
        StockLevel::of(self.stock)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductImage {
    pub path: String,
    pub alt: String,
}

/// Everything the product page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub card: ProductCard,
    pub sku: String,
    /// The markdown as written in the admin.
    pub description: String,
    /// The description as shown: sanitised HTML.
    pub description_html: String,
    pub gst_rate: i16,
    pub category_slug: String,
    pub category_name: String,
    pub images: Vec<ProductImage>,
    pub updated_at: String,
}

/// The address of an image at `width` pixels: uploaded photos are stored at
/// several widths (`/media/u/{key}/{width}.jpg`); demo drawings are SVG.
pub fn image_url(path: &str, width: u32) -> String {
    if path.starts_with("/media/u/") {
        format!("{path}/{width}.jpg")
    } else {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_levels_read_as_a_shopper_expects() {
        assert_eq!(StockLevel::of(0).label(), "Out of stock");
        assert_eq!(StockLevel::of(3).label(), "Only 3 left");
        assert_eq!(StockLevel::of(50).label(), "In stock");
        assert!(!StockLevel::of(0).available());
    }

    #[test]
    fn uploaded_photos_are_asked_for_at_a_width_and_drawings_as_they_are() {
        assert_eq!(image_url("/media/u/abc", 400), "/media/u/abc/400.jpg");
        assert_eq!(
            image_url("/media/demo/STP-001-1.svg", 400),
            "/media/demo/STP-001-1.svg"
        );
    }
}
