//! Input an attacker or a broken client sends: markup meant for the page's
//! `<head>`, NUL characters, bodies that are not text or are too large.
//! Each is refused or shown as text, and none answers 5xx.

mod common;

use common::*;

const MARKUP: &str = r#"</title><meta http-equiv="refresh" content="0;url=https://evil.example/">"#;

fn head(html: &str) -> &str {
    &html[..html.find("</head>").expect("a head")]
}

/// The head holds one title and no markup from the request or the database.
fn assert_head_is_clean(html: &str, context: &str) {
    let head = head(html);
    assert!(!head.contains("<meta http-equiv"), "{context}: {head}");
    assert_eq!(head.matches("<title>").count(), 1, "{context}");
    assert_eq!(head.matches("</title>").count(), 1, "{context}");
}

#[tokio::test]
async fn markup_in_a_search_or_a_filter_stays_text_in_the_head() {
    let app = spawn_shop().await;
    let encoded = haat::domain::encode(MARKUP);
    for path in [
        format!("/search?q={encoded}"),
        format!("/c/staples?brand={encoded}"),
    ] {
        let (status, html) = page(&app, &path).await;
        assert!(status < 500, "{path}: {status}");
        assert_head_is_clean(&html, &path);
    }
    let (_, html) = page(&app, &format!("/search?q={encoded}")).await;
    assert!(
        head(&html).contains("&lt;/title&gt;&lt;meta http-equiv"),
        "the search is in the title as text"
    );
}

#[tokio::test]
async fn markup_in_a_products_name_and_description_stays_text_in_the_head() {
    let app = spawn_shop().await;
    let slug = "india-gate-basmati-rice-5-kg";
    sqlx::query(
        "UPDATE products SET name = 'Rice ' || $1, description = 'Fine ' || $1 || ' </script><!--'
         WHERE slug = $2",
    )
    .bind(MARKUP)
    .bind(slug)
    .execute(&app.pool)
    .await
    .unwrap();
    let (status, html) = page(&app, &format!("/p/{slug}")).await;
    assert_eq!(status, 200);
    assert_head_is_clean(&html, "product page");
    // The structured data cannot be closed from inside, and still says it.
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON-LD parses");
    assert_eq!(data[0]["name"], format!("Rice {MARKUP}"));
}

#[tokio::test]
async fn a_nul_character_in_an_address_is_refused_on_every_page_type() {
    let app = spawn_shop().await;
    for path in [
        "/p/a%00b",
        "/c/a%00b",
        "/c/staples?brand=a%00b",
        "/search?q=a%00b",
        "/orders/H%00ABCDEF",
        "/a%00b",
        "/admin/products?q=a%00b",
    ] {
        let (status, body) = page(&app, path).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body.contains("not allowed"), "{path}: {body}");
    }
}

#[tokio::test]
async fn a_nul_character_in_a_form_is_refused_as_bad_input() {
    let app = spawn_shop().await;
    let guest = guest_with_cart(&app, "STP-001", "1").await;
    // A free-text field that reaches the database as typed.
    let placed = place_order(
        &guest,
        &app,
        &checkout_form(&[
            ("fulfilment", "delivery"),
            ("address", "12 MG Road\0"),
            ("city", "Pune"),
            ("state", "Maharashtra"),
            ("pin", "411001"),
        ]),
    )
    .await;
    let status = placed.status().as_u16();
    assert!(
        (400..500).contains(&status),
        "{status}: {}",
        placed.text().await.unwrap()
    );
    let orders: i64 =
        sqlx::query_scalar("SELECT count(*) FROM orders WHERE email = 'asha@example.in'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(orders, 0);
}

#[tokio::test]
async fn a_body_that_is_not_text_or_is_too_large_is_refused_with_4xx() {
    let app = spawn_shop().await;
    let guest = browser();
    let not_utf8 = guest
        .post(format!("{}/api/signup", app.url))
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![b'n', b'a', b'm', b'e', b'=', 0xff, 0xfe, 0xfd])
        .send()
        .await
        .unwrap();
    assert_eq!(not_utf8.status(), 422);

    let huge = format!("name={}", "a".repeat(3 * 1024 * 1024));
    let too_large = guest
        .post(format!("{}/api/signup", app.url))
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(too_large.status(), 413);
}

#[tokio::test]
async fn an_endless_address_is_refused_beside_the_field_and_kept() {
    let app = spawn_shop().await;
    let guest = guest_with_cart(&app, "STP-001", "1").await;
    let endless: &'static str = "Flat 4, ".repeat(2_000).leak();
    let placed = place_order(
        &guest,
        &app,
        &checkout_form(&[
            ("fulfilment", "delivery"),
            ("address", endless),
            ("city", "Pune"),
            ("state", "Maharashtra"),
            ("pin", "411001"),
        ]),
    )
    .await;
    assert_eq!(placed.status(), 422);
    let (fields, values) = form_errors(placed).await;
    assert!(
        fields
            .iter()
            .any(|(f, m)| f == "address" && m.contains("300")),
        "{fields:?}"
    );
    assert!(values
        .iter()
        .any(|(f, v)| f == "address" && v.trim() == endless.trim()));
}
