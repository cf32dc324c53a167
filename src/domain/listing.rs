//! A category listing's filters, sort order and page, as they appear in the
//! URL (`?brand=Amul&min=100&max=500&in_stock=1&sort=price_asc&page=2`), so
//! that a filtered listing can be shared and indexed.

use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: i64 = 12;

/// How far past the page shown a listing counts its matches: a category of
/// 100,000 products then costs what one of 1,000 does, and says "1000+".
pub const COUNTED_AHEAD: i64 = 1000;

/// How many products a listing matches: `shown` exactly, or, when `more`,
/// at least that many (counting stops a fixed distance past the page shown,
/// so that a large category costs no more than a small one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MatchCount {
    pub shown: i64,
    pub more: bool,
}

const MAX_RUPEES: i64 = 10_000_000;
const MAX_PAGE: i64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Sort {
    #[default]
    Relevance,
    PriceLowToHigh,
    PriceHighToLow,
    Newest,
    Popularity,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::PriceLowToHigh,
        Sort::PriceHighToLow,
        Sort::Newest,
        Sort::Popularity,
    ];

    pub fn param(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceLowToHigh => "price_asc",
            Sort::PriceHighToLow => "price_desc",
            Sort::Newest => "newest",
            Sort::Popularity => "popular",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Relevance",
            Sort::PriceLowToHigh => "Price: low to high",
            Sort::PriceHighToLow => "Price: high to low",
            Sort::Newest => "Newest first",
            Sort::Popularity => "Most popular",
        }
    }

    pub fn parse(value: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.param() == value)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Listing {
    pub brand: Option<String>,
    /// Whole rupees, inclusive.
    pub min_rupees: Option<i64>,
    pub max_rupees: Option<i64>,
    pub in_stock_only: bool,
    pub sort: Sort,
    /// From 1.
    pub page: i64,
}

impl Listing {
    /// Reads the URL's parameters; anything malformed is ignored, never an error.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Listing {
        let rupees = |name: &str| {
            get(name)
                .and_then(|v| v.trim().parse::<i64>().ok())
                .filter(|v| (0..=MAX_RUPEES).contains(v))
        };
        Listing {
            brand: get("brand")
                .map(|b| b.trim().to_string())
                .filter(|b| !b.is_empty() && b.len() <= 80),
            min_rupees: rupees("min"),
            max_rupees: rupees("max"),
            in_stock_only: get("in_stock").is_some_and(|v| v == "1" || v == "on" || v == "true"),
            sort: get("sort").map(|s| Sort::parse(&s)).unwrap_or_default(),
            page: get("page")
                .and_then(|p| p.parse::<i64>().ok())
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .unwrap_or(1),
        }
    }

    /// The query string for this listing, parameters in a fixed order and
    /// defaults left out, so equal listings have equal URLs.
    pub fn query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(brand) = &self.brand {
            parts.push(format!("brand={}", encode(brand)));
        }
        if let Some(min) = self.min_rupees {
            parts.push(format!("min={min}"));
        }
        if let Some(max) = self.max_rupees {
            parts.push(format!("max={max}"));
        }
        if self.in_stock_only {
            parts.push("in_stock=1".into());
        }
        if self.sort != Sort::Relevance {
            parts.push(format!("sort={}", self.sort.param()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The same listing with every value in range, for a listing that did not
    /// come through `from_params` (a server-function call made by hand).
    pub fn normalized(self) -> Listing {
        let rupees = |v: Option<i64>| v.filter(|v| (0..=MAX_RUPEES).contains(v));
        Listing {
            brand: self.brand.filter(|b| !b.trim().is_empty() && b.len() <= 80),
            min_rupees: rupees(self.min_rupees),
            max_rupees: rupees(self.max_rupees),
            page: self.page.clamp(1, MAX_PAGE),
            ..self
        }
    }

    pub fn with_page(&self, page: i64) -> Listing {
        Listing {
            page,
            ..self.clone()
        }
    }

    /// The URL search engines should index for this listing: filters and page
    /// change what is shown and stay; the sort order only reorders, so it goes.
    pub fn canonical_query(&self) -> String {
        Listing {
            sort: Sort::Relevance,
            ..self.clone()
        }
        .query_string()
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * PAGE_SIZE
    }
}

/// Percent-encodes a query value (letters, digits and `-_.~` stay).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Listing {
        Listing::from_params(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn a_listing_survives_a_round_trip_through_its_url() {
        let listing = parse(&[
            ("brand", "Tata Sampann"),
            ("min", "50"),
            ("max", "200"),
            ("in_stock", "1"),
            ("sort", "price_asc"),
            ("page", "2"),
        ]);
        assert_eq!(
            listing.query_string(),
            "?brand=Tata%20Sampann&min=50&max=200&in_stock=1&sort=price_asc&page=2"
        );
        assert_eq!(listing.sort, Sort::PriceLowToHigh);
    }

    #[test]
    fn malformed_parameters_are_ignored() {
        let listing = parse(&[("min", "cheap"), ("page", "-3"), ("sort", "random")]);
        assert_eq!(
            listing,
            Listing {
                page: 1,
                ..Listing::default()
            }
        );
        assert_eq!(listing.query_string(), "");
    }

    #[test]
    fn out_of_range_values_from_elsewhere_are_brought_into_range() {
        let wild = Listing {
            min_rupees: Some(i64::MAX),
            max_rupees: Some(-1),
            page: -7,
            brand: Some("  ".into()),
            ..Listing::default()
        };
        assert_eq!(
            wild.normalized(),
            Listing {
                page: 1,
                ..Listing::default()
            }
        );
    }

    #[test]
    fn the_canonical_url_drops_only_the_sort_order() {
        let listing = parse(&[("brand", "Amul"), ("sort", "newest"), ("page", "3")]);
        assert_eq!(listing.canonical_query(), "?brand=Amul&page=3");
    }
}
