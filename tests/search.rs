//! Search over HTTP, on the demo catalogue: misspelt and half-typed words
//! still find, the catalogue's new words are known at once, and nonsense
//! gets suggestions rather than an error.

mod common;

use common::*;

/// The first product card of a results page, from its start to the next.
fn first_card(html: &str) -> Option<&str> {
    html.split(r#"data-testid="product-card""#).nth(1)
}

#[tokio::test]
async fn misspelt_searches_find_what_the_shopper_meant() {
    let app = spawn_shop().await;
    for (query, expected) in [
        ("basmti rice", "Basmati Rice"),
        ("basmti rce", "Basmati Rice"),
        ("tomatoe ketchup", "Tomato Ketchup"),
        ("colgat", "Toothpaste Strong Teeth"),
        // Still typing: the start of a word.
        ("basm", "Basmati Rice"),
        // A word the shop has nothing like does not hide the rest.
        ("basmati rice qqzzxxv", "Basmati Rice"),
    ] {
        let (status, html) = page(&app, &format!("/search?q={}", query.replace(' ', "+"))).await;
        assert_eq!(status, 200);
        let first = first_card(&html).unwrap_or_else(|| panic!("nothing for {query}"));
        assert!(
            first.contains(expected),
            "the first result for {query:?} is not {expected}"
        );
    }
}

#[tokio::test]
async fn a_word_new_to_the_catalogue_is_found_misspelt_once_a_product_has_it() {
    let app = spawn_shop().await;
    sqlx::query(
        "INSERT INTO products (sku, slug, name, brand, unit, category_id, price_paise, mrp_paise, gst_rate, hsn, stock)
         SELECT 'SPC-NEW', 'kesar-saffron', 'Kesar Saffron Threads', 'Haat', '1 g', id, 30000, 30000, 5, '0910', 5
         FROM categories WHERE slug = 'spices'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (_, added) = page(&app, "/search?q=safron").await;
    assert!(first_card(&added).is_some_and(|card| card.contains("Kesar Saffron Threads")));
    // Renamed: the new name's words are found too.
    sqlx::query("UPDATE products SET name = 'Kashmiri Mongra Saffron' WHERE sku = 'SPC-NEW'")
        .execute(&app.pool)
        .await
        .unwrap();
    let (_, renamed) = page(&app, "/search?q=mongraa").await;
    assert!(first_card(&renamed).is_some_and(|card| card.contains("Kashmiri Mongra Saffron")));
}

#[tokio::test]
async fn an_empty_or_nonsense_search_gets_suggestions_not_an_error() {
    let app = spawn_shop().await;
    for query in ["", "qqzzxxv", "%27%3B--"] {
        let (status, html) = page(&app, &format!("/search?q={query}")).await;
        assert_eq!(status, 200, "{query}");
        assert!(html.contains(r#"data-testid="no-results""#), "{query}");
        assert!(
            html.contains(r#"href="/c/staples""#),
            "no category suggestions for {query}"
        );
    }
}
