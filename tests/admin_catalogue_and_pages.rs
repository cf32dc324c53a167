//! What admins change shows on the storefront: a new product with its photo
//! on its page, in search and in the sitemap; a price change; a renamed
//! slug redirecting; pages published, unpublished and restored.

mod common;

// `page` would clash with the pages these tests hold in `page` variables.
use common::{browser, call, page as text, signed_in_as, spawn_shop};
use reqwest::{multipart, redirect::Policy};

fn product_form(id: &str, price: &str, slug: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", id.into()),
        ("name", "Kolam Rice Premium 5 kg".into()),
        ("slug", slug.into()),
        ("sku", "STP-900".into()),
        ("brand", "Farmers Pride".into()),
        ("category_id", "1".into()),
        ("unit", "5 kg".into()),
        ("description", "Aged **kolam** rice from Wada.".into()),
        ("price", price.into()),
        ("mrp", "520".into()),
        ("gst_rate", "5".into()),
        ("hsn", "1006".into()),
        ("low_stock_threshold", "".into()),
        ("opening_stock", "12".into()),
        ("active", "on".into()),
    ]
}

async fn save(
    admin: &reqwest::Client,
    app: &common::TestApp,
    form: &[(&'static str, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    call(admin, app, "admin/save_product", &form).await
}

#[tokio::test]
async fn a_new_product_with_a_photo_appears_on_its_page_in_search_and_in_the_sitemap() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    assert_eq!(
        save(&admin, &app, &product_form("", "450", ""))
            .await
            .status(),
        200
    );
    let id: i32 = sqlx::query_scalar("SELECT id FROM products WHERE sku = 'STP-900'")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let mut photo = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
        1200,
        900,
        image::Rgb([200, 160, 40]),
    ))
    .write_to(
        &mut std::io::Cursor::new(&mut photo),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    let form = multipart::Form::new()
        .text("product_id", id.to_string())
        .text("alt", "Kolam rice 5 kg bag, front")
        .part("image", multipart::Part::bytes(photo).file_name("bag.jpg"));
    let uploaded = admin
        .post(format!("{}/api/admin/upload_product_image", app.url))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 200, "{:?}", uploaded.text().await);

    let (status, page) = text(&app, "/p/kolam-rice-premium-5-kg").await;
    assert_eq!(status, 200);
    assert!(page.contains("Kolam Rice Premium 5 kg"));
    assert!(page.contains("₹450.00"));
    assert!(page.contains("<strong>kolam</strong>"), "markdown rendered");
    assert!(page.contains(r#"alt="Kolam rice 5 kg bag, front""#));
    let src = page
        .split("src=\"/media/u/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let image = browser()
        .get(format!("{}/media/u/{src}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(image.headers()["content-type"], "image/jpeg");
    let decoded = image::load_from_memory(&image.bytes().await.unwrap()).unwrap();
    assert_eq!(decoded.width(), 800);

    let (_, search) = text(&app, "/search?q=kolam%20premium").await;
    assert!(search.contains("/p/kolam-rice-premium-5-kg"));
    let (_, sitemap) = text(&app, "/sitemap.xml").await;
    assert!(sitemap.contains("/p/kolam-rice-premium-5-kg"));

    // A new price shows at once; a new slug answers, and the old one redirects.
    assert_eq!(
        save(
            &admin,
            &app,
            &product_form(&id.to_string(), "399.50", "kolam-rice-5kg")
        )
        .await
        .status(),
        200
    );
    let (_, page) = text(&app, "/p/kolam-rice-5kg").await;
    assert!(page.contains("₹399.50"));
    let no_follow = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let old = no_follow
        .get(format!("{}/p/kolam-rice-premium-5-kg", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 301);
    assert_eq!(old.headers()["location"], "/p/kolam-rice-5kg");

    let audit: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE entity = 'product' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        audit,
        ["product.created", "product.image_added", "product.updated"]
    );
}

#[tokio::test]
async fn pages_are_found_when_published_gone_when_unpublished_and_revisions_restore() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let page = |id: &str, body: &str, published: bool| {
        let mut form = vec![
            ("id", id.to_string()),
            ("title", "Diwali hours".to_string()),
            ("slug", String::new()),
            ("body", body.to_string()),
            ("seo_title", String::new()),
            (
                "seo_description",
                "When we are open for Diwali.".to_string(),
            ),
        ];
        if published {
            form.push(("published", "on".to_string()));
        }
        form
    };
    let send = |form: Vec<(&'static str, String)>| {
        let (admin, app) = (&admin, &app);
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            call(admin, app, "admin/save_page", &form).await.status()
        }
    };
    assert_eq!(send(page("", "Open **9 to 9**.", false)).await, 200);
    let id: i32 = sqlx::query_scalar("SELECT id FROM pages WHERE slug = 'diwali-hours'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        text(&app, "/diwali-hours").await.0,
        404,
        "a draft is not public"
    );
    assert!(!text(&app, "/sitemap.xml").await.1.contains("/diwali-hours"));

    assert_eq!(
        send(page(&id.to_string(), "Open **9 to 9**.", true)).await,
        200
    );
    let (status, html) = text(&app, "/diwali-hours").await;
    assert_eq!(status, 200);
    assert!(html.contains("<strong>9 to 9</strong>"));
    assert!(text(&app, "/sitemap.xml").await.1.contains("/diwali-hours"));

    assert_eq!(
        send(page(&id.to_string(), "Closed on Diwali day.", true)).await,
        200
    );
    assert!(text(&app, "/diwali-hours")
        .await
        .1
        .contains("Closed on Diwali day."));
    let first: i64 = sqlx::query_scalar("SELECT min(id) FROM page_revisions WHERE page_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let restored = call(
        &admin,
        &app,
        "admin/restore_revision",
        &[("revision_id", &first.to_string())],
    )
    .await;
    assert_eq!(restored.status(), 200);
    assert!(text(&app, "/diwali-hours")
        .await
        .1
        .contains("<strong>9 to 9</strong>"));

    assert_eq!(
        send(page(&id.to_string(), "Open **9 to 9**.", false)).await,
        200
    );
    assert_eq!(text(&app, "/diwali-hours").await.0, 404);
}

#[tokio::test]
async fn the_demo_pages_are_published_linked_in_the_footer_and_in_the_sitemap() {
    let app = spawn_shop().await;
    let (_, sitemap) = text(&app, "/sitemap.xml").await;
    let (_, home) = text(&app, "/").await;
    for slug in [
        "about",
        "contact",
        "shipping-and-returns",
        "privacy",
        "terms",
        "faq",
    ] {
        assert_eq!(text(&app, &format!("/{slug}")).await.0, 200, "{slug}");
        assert!(
            sitemap.contains(&format!("/{slug}</loc>")),
            "{slug} in the sitemap"
        );
        assert!(
            home.contains(&format!("href=\"/{slug}\"")),
            "{slug} in the footer"
        );
    }
    assert!(home.contains("Haat Demo Store"));
}

#[tokio::test]
async fn a_page_cannot_take_an_address_the_shop_uses() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    let response = call(
        &admin,
        &app,
        "admin/save_page",
        &[
            ("id", ""),
            ("title", "Cart"),
            ("slug", "cart"),
            ("body", "x"),
            ("seo_title", ""),
            ("seo_description", ""),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    let (fields, _) = common::form_errors(response).await;
    assert_eq!(fields[0].0, "slug");
}
