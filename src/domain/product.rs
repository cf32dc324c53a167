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
    pub description: String,
    pub gst_rate: i16,
    pub category_slug: String,
    pub category_name: String,
    pub images: Vec<ProductImage>,
    pub updated_at: String,
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
}
