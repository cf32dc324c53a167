//! Counted nouns, each written out in one place so that a translation can
//! give every language its own plural forms ("1 product", "2 products").

/// "1 product", "12 products".
pub fn products(n: i64) -> String {
    match n {
        1 => "1 product".to_string(),
        n => format!("{n} products"),
    }
}

#[cfg(test)]
mod tests {
    use super::products;

    #[test]
    fn one_product_is_singular_and_every_other_count_plural() {
        assert_eq!(products(1), "1 product");
        assert_eq!(products(0), "0 products");
        assert_eq!(products(21), "21 products");
    }
}
