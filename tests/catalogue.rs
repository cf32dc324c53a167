//! The storefront over HTTP, on the demo catalogue: structured data agrees
//! with the page, the sitemap lists everything, unknown products are 404 and
//! renamed ones redirect.

mod common;

use common::*;
use serde_json::Value;

fn json_ld(html: &str) -> Value {
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("a JSON-LD block")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

fn text_of(html: &str, testid: &str) -> String {
    let mark = format!(r#"data-testid="{testid}""#);
    let start = html.find(&mark).unwrap_or_else(|| panic!("no {testid}"));
    let open = start + html[start..].find('>').unwrap() + 1;
    let close = open + html[open..].find('<').unwrap();
    html[open..close].to_string()
}

#[tokio::test]
async fn the_product_page_json_ld_agrees_with_the_price_and_stock_shown() {
    let app = spawn_shop().await;
    for (slug, stock) in [
        ("india-gate-basmati-rice-5-kg", "InStock"),
        ("saffola-sunflower-oil-1-l", "OutOfStock"),
        ("fortune-chana-dal-1-kg", "LimitedAvailability"),
    ] {
        let (status, html) = page(&app, &format!("/p/{slug}")).await;
        assert_eq!(status, 200, "{slug}");
        let data = json_ld(&html);
        let product = &data[0];
        assert_eq!(product["@type"], "Product");
        assert_eq!(product["offers"]["priceCurrency"], "INR");
        assert_eq!(
            product["offers"]["availability"],
            format!("https://schema.org/{stock}")
        );
        let shown = text_of(&html, "price").replace(['₹', ','], "");
        assert_eq!(product["offers"]["price"], shown.as_str(), "{slug}");
        let badge = text_of(&html, "stock-badge");
        match stock {
            "InStock" => assert_eq!(badge, "In stock"),
            "OutOfStock" => assert_eq!(badge, "Out of stock"),
            _ => assert_eq!(badge, "Only 3 left"),
        }
        let crumbs = &data[1];
        assert_eq!(crumbs["@type"], "BreadcrumbList");
        assert_eq!(crumbs["itemListElement"].as_array().unwrap().len(), 3);
        assert!(html.contains(&format!(
            r#"<link href="{}/p/{slug}" rel="canonical">"#,
            app.url
        )));
        assert!(html.contains(r#"property="og:image""#) && html.contains(r#"name="twitter:card""#));
        assert_eq!(html.matches("<h1").count(), 1);
    }
}

#[tokio::test]
async fn the_sitemap_lists_every_active_product_and_category() {
    let app = spawn_shop().await;
    sqlx::query("UPDATE products SET active = false WHERE sku = 'STP-002'")
        .execute(&app.pool)
        .await
        .unwrap();
    let (status, xml) = page(&app, "/sitemap.xml").await;
    assert_eq!(status, 200);
    let slugs: Vec<(String, bool)> = sqlx::query_as("SELECT slug, active FROM products")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    for (slug, active) in slugs {
        assert_eq!(xml.contains(&format!("/p/{slug}</loc>")), active, "{slug}");
    }
    let categories: Vec<String> = sqlx::query_scalar("SELECT slug FROM categories")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    for slug in categories {
        assert!(xml.contains(&format!("/c/{slug}</loc><lastmod>")), "{slug}");
    }
    let (_, robots) = page(&app, "/robots.txt").await;
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.url)));
}

#[tokio::test]
async fn unknown_products_and_categories_answer_404() {
    let app = spawn_shop().await;
    assert_eq!(page(&app, "/p/no-such-product").await.0, 404);
    assert_eq!(page(&app, "/c/no-such-category").await.0, 404);
}

#[tokio::test]
async fn a_renamed_product_redirects_permanently_from_its_old_address() {
    let app = spawn_shop().await;
    sqlx::query(
        "UPDATE products SET slug = 'india-gate-classic-basmati-5-kg' WHERE sku = 'STP-001'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let response = browser()
        .get(format!("{}/p/india-gate-basmati-rice-5-kg", app.url))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 301);
    assert_eq!(
        response.headers()["location"],
        "/p/india-gate-classic-basmati-5-kg"
    );
    assert_eq!(
        page(&app, "/p/india-gate-classic-basmati-5-kg").await.0,
        200
    );
}

#[tokio::test]
async fn category_filters_and_sorting_come_from_the_url() {
    let app = spawn_shop().await;
    let (_, html) = page(&app, "/c/staples?brand=Tata%20Sampann&sort=price_desc").await;
    assert_eq!(text_of(&html, "result-count"), "4 products");
    let prices: Vec<String> = html
        .split(r#"data-testid="price""#)
        .skip(1)
        .map(|s| s[s.find('>').unwrap() + 1..s.find('<').unwrap()].to_string())
        .collect();
    assert_eq!(prices, ["₹179.00", "₹158.00", "₹99.00", "₹45.00"]);
    // The canonical URL keeps the filter and drops the sort order.
    assert!(html.contains(&format!(
        r#"<link href="{}/c/staples?brand=Tata%20Sampann" rel="canonical">"#,
        app.url
    )));

    // ₹50 to ₹100 and in stock: chana dal, sugar, besan and rajma; not poha (₹45) nor salt (₹28).
    let (_, cheap) = page(&app, "/c/staples?min=50&max=100&in_stock=1").await;
    assert_eq!(text_of(&cheap, "result-count"), "4 products");
    assert!(
        cheap.contains(">Chana Dal<")
            && cheap.contains(">Refined Sugar<")
            && !cheap.contains(">Poha<")
    );
}

#[tokio::test]
async fn customers_also_bought_shows_products_bought_together_and_never_out_of_stock() {
    let app = spawn_shop().await;
    // Sugar, always bought with tea and biscuits in the demo orders, runs out.
    sqlx::query("UPDATE products SET stock = 0 WHERE sku = 'STP-007'")
        .execute(&app.pool)
        .await
        .unwrap();
    let (_, html) = page(&app, "/p/tata-tea-premium-tea-1-kg").await;
    let section = &html[html.find("Customers also bought").expect("the section")..];
    assert!(section.contains("Marie Gold Biscuits"));
    assert!(!section.contains("Refined Sugar"));
}

#[tokio::test]
async fn loading_the_demo_data_twice_changes_nothing() {
    let app = spawn_shop().await;
    let count = |sql: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let before = (
        count("SELECT count(*) FROM products").await,
        count("SELECT count(*) FROM order_items").await,
        count("SELECT count(*) FROM product_images").await,
    );
    haat::server::demo::load(&app.pool).await.unwrap();
    let after = (
        count("SELECT count(*) FROM products").await,
        count("SELECT count(*) FROM order_items").await,
        count("SELECT count(*) FROM product_images").await,
    );
    assert_eq!(before, after);
    assert!(before.0 >= 100 && before.1 > 48);
}

#[tokio::test]
async fn a_hand_made_listing_request_with_wild_values_is_answered_not_crashed() {
    let app = spawn_shop().await;
    let response = call(
        &browser(),
        &app,
        "load_category",
        &[
            ("slug", "staples"),
            ("listing[min_rupees]", "9223372036854775807"),
            ("listing[page]", "-4"),
            ("listing[in_stock_only]", "false"),
            ("listing[sort]", "Newest"),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["total"]["shown"], 14);
}

/// The home page's count for the category `slug` ("12 products").
fn home_count(html: &str, slug: &str) -> String {
    let main = &html[html.find("<main").expect("a main element")..];
    let at = main
        .find(&format!(r#"href="/c/{slug}""#))
        .unwrap_or_else(|| panic!("{slug} on the home page"));
    let rest = &main[at..];
    let p = rest.find("<p").unwrap();
    let open = p + rest[p..].find('>').unwrap() + 1;
    let close = open + rest[open..].find('<').unwrap();
    rest[open..close].to_string()
}

#[tokio::test]
async fn category_counts_follow_products_being_added_hidden_moved_and_removed() {
    let app = spawn_shop().await;
    let (_, home) = page(&app, "/").await;
    let before: i64 = home_count(&home, "staples")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let steps = [
        "UPDATE products SET active = false WHERE sku = 'STP-001'",
        "UPDATE products SET category_id = (SELECT id FROM categories WHERE slug = 'snacks') WHERE sku = 'STP-002'",
        "INSERT INTO products (sku, slug, name, brand, unit, category_id, price_paise, mrp_paise, gst_rate, hsn, stock)
         SELECT 'STP-NEW', 'new-rice', 'New Rice', 'Haat', '1 kg', id, 10000, 10000, 5, '1006', 5
         FROM categories WHERE slug = 'staples'",
        "UPDATE products SET stock = stock + 1 WHERE sku = 'STP-003'",
    ];
    for step in steps {
        sqlx::query(step).execute(&app.pool).await.expect(step);
    }
    let (_, home) = page(&app, "/").await;
    assert_eq!(
        home_count(&home, "staples"),
        format!("{} products", before - 2 + 1)
    );
    // Whatever happened, every kept count equals a recount.
    let wrong: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM categories c
         WHERE active_products <> (SELECT count(*) FROM products p WHERE p.category_id = c.id AND p.active)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(wrong, 0);
}

/// The brand filter's options ("Tata Sampann (4)") of a category page.
fn brand_options(html: &str) -> Vec<String> {
    let select = &html[html.find(r#"<select id="brand""#).expect("a brand filter")..];
    let select = &select[..select.find("</select>").unwrap()];
    select
        .split("<option")
        .skip(2)
        .map(|o| o[o.find('>').unwrap() + 1..o.find('<').unwrap()].to_string())
        .collect()
}

#[tokio::test]
async fn brand_counts_and_bestsellers_follow_the_catalogue_and_the_orders() {
    let app = spawn_shop().await;
    let (_, html) = page(&app, "/c/staples").await;
    assert!(brand_options(&html).contains(&"Tata Sampann (4)".to_string()));

    // One Tata Sampann product leaves the shop, another changes brand.
    sqlx::query("UPDATE products SET active = false WHERE id = (SELECT min(id) FROM products WHERE brand = 'Tata Sampann')")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE products SET brand = 'Haat Own' WHERE id = (SELECT max(id) FROM products WHERE brand = 'Tata Sampann' AND active)")
        .execute(&app.pool)
        .await
        .unwrap();
    let (_, html) = page(&app, "/c/staples").await;
    let brands = brand_options(&html);
    assert!(
        brands.contains(&"Tata Sampann (2)".to_string()),
        "{brands:?}"
    );
    assert!(brands.contains(&"Haat Own (1)".to_string()), "{brands:?}");

    // An order line of 500 packs makes its product the first bestseller.
    let slug: String = sqlx::query_scalar(
        "WITH line AS (
            SELECT oi.order_id, oi.product_id FROM order_items oi JOIN products p ON p.id = oi.product_id
            WHERE p.active AND p.stock > 0 ORDER BY oi.product_id DESC LIMIT 1)
         UPDATE order_items oi SET quantity = 500 FROM line, products p
         WHERE (oi.order_id, oi.product_id) = (line.order_id, line.product_id) AND p.id = oi.product_id
         RETURNING p.slug",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let (_, home) = page(&app, "/").await;
    let bestsellers = &home[home.find("bestsellers-heading").unwrap()..];
    let first = bestsellers.find("/p/").unwrap();
    assert!(
        bestsellers[first..].starts_with(&format!("/p/{slug}\"")),
        "{slug}: {}",
        &bestsellers[first..first + 60]
    );
}

#[tokio::test]
async fn a_category_of_thousands_counts_to_a_bound_and_links_a_few_pages() {
    let app = spawn_shop().await;
    sqlx::query(
        "INSERT INTO products (sku, slug, name, brand, unit, description, price_paise, mrp_paise, gst_rate, hsn, stock, category_id)
         SELECT 'GEN-' || n, 'generated-' || n, 'Generated Rice ' || n, 'Bulk', '1 kg', '', 500000 + n * 100, 600000 + n * 100, 5, '1006', 10,
                (SELECT id FROM categories WHERE slug = 'staples')
         FROM generate_series(1, 3000) n",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (status, html) = page(&app, "/c/staples").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&html, "result-count"), "1000+ products");
    let pages = &html[html.find(r#"aria-label="Pages""#).expect("page links")..];
    let pages = &pages[..pages.find("</nav>").unwrap()];
    assert!(pages.contains(r#"aria-label="Page 2""#) && pages.contains(r#"rel="next""#));
    assert!(
        !pages.contains(r#"aria-label="Page 10""#),
        "a few pages, not all: {pages}"
    );

    // Far into the listing, the products are still there, in price order.
    let (status, deep) = page(&app, "/c/staples?sort=price_asc&page=200").await;
    assert_eq!(status, 200);
    assert!(deep.contains(">Generated Rice "), "page 200 shows products");
    assert!(deep.contains(r#"aria-label="Page 198""#) && deep.contains(r#"aria-label="Page 1""#));

    // A filter that leaves a few counts them exactly.
    let (_, few) = page(&app, "/c/staples?min=5001&max=5003").await;
    assert_eq!(text_of(&few, "result-count"), "3 products");
}
