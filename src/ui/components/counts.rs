//! Counted nouns, each written out in one place so that a translation can
//! give every language its own plural forms ("1 product", "2 products").

/// "1 product", "12 products".
pub fn products(n: i64) -> String {
    match n {
        1 => "1 product".to_string(),
        n => format!("{n} products"),
    }
}

/// "12 products", or "1000+ products" for a count that stopped before the end.
pub fn matching(count: crate::domain::MatchCount) -> String {
    if count.more {
        format!("{}+ products", count.shown)
    } else {
        products(count.shown)
    }
}

/// "1 item", "3 items" (units in a cart).
pub fn items(n: i64) -> String {
    match n {
        1 => "1 item".to_string(),
        n => format!("{n} items"),
    }
}

/// "1 minute", "15 minutes".
pub fn minutes(n: u64) -> String {
    match n {
        1 => "1 minute".to_string(),
        n => format!("{n} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use super::{items, minutes, products};

    #[test]
    fn one_product_is_singular_and_every_other_count_plural() {
        assert_eq!(products(1), "1 product");
        assert_eq!(products(0), "0 products");
        assert_eq!(products(21), "21 products");
        assert_eq!(items(1), "1 item");
        assert_eq!(items(2), "2 items");
        assert_eq!(minutes(1), "1 minute");
        assert_eq!(minutes(15), "15 minutes");
    }
}
