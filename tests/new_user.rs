//! What a new user meets on a fresh demo shop: every menu link leads to a
//! page with something on it, counts read right, the footer has no empty
//! lines, the shop's search box shows only shop searches, and the partner
//! emails say what they mean.

mod common;

use common::*;

/// The `href`s of the links inside the `<nav aria-label="{label}">`.
fn menu_links(html: &str, label: &str) -> Vec<String> {
    let start = html
        .find(&format!(r#"<nav aria-label="{label}""#))
        .unwrap_or_else(|| panic!("a {label} menu"));
    let end = start + html[start..].find("</nav>").unwrap();
    html[start..end]
        .split(r#"href=""#)
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

fn main_text(html: &str) -> String {
    let start = html.find(r#"<main id="main""#).expect("a main element");
    let end = start + html[start..].find("</main>").unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn every_header_and_footer_link_of_the_demo_shop_leads_to_a_page_with_content() {
    let app = spawn_shop().await;
    let visitor = browser();
    let (_, home) = page_as(&visitor, &app, "/").await;
    let mut links = menu_links(&home, "Shop");
    links.extend(menu_links(&home, "Footer"));
    assert!(links.len() >= 8, "{links:?}");
    for link in links {
        let (status, html) = page_as(&visitor, &app, &link).await;
        assert_eq!(status, 200, "{link}");
        let text = main_text(&html);
        assert!(text.len() > 150, "{link} shows little: {text}");
        assert!(!text.contains("could not find anything"), "{link}: {text}");
    }
}

#[tokio::test]
async fn one_product_is_counted_as_one_product() {
    let app = spawn_shop().await;
    let (brand, slug): (String, String) = sqlx::query_as(
        "SELECT p.brand, c.slug FROM products p JOIN categories c ON c.id = p.category_id
         WHERE p.active GROUP BY p.brand, c.slug HAVING count(*) = 1 LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let path = format!("/c/{slug}?brand={}", haat::domain::encode(&brand));
    let (_, html) = page_as(&browser(), &app, &path).await;
    let at = html.find(r#"data-testid="result-count""#).expect("a count");
    let shown = &html[at..at + 80];
    assert!(shown.contains(">1 product<"), "{path}: {shown}");
}

#[tokio::test]
async fn a_shop_without_contact_details_has_no_empty_lines_in_its_footer() {
    let app = spawn_app().await;
    sqlx::query("UPDATE settings SET address = '', contact_phone = '', contact_email = ''")
        .execute(&app.pool)
        .await
        .unwrap();
    let (_, html) = page_as(&browser(), &app, "/").await;
    let start = html.find(r#"data-testid="footer-contact""#).unwrap();
    let end = start + html[start..].find("</div>").unwrap();
    assert_eq!(
        html[start..end].matches("<p").count(),
        1,
        "{}",
        &html[start..end]
    );
}

#[tokio::test]
async fn the_header_search_box_shows_only_a_shop_search() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "owner@example.in", "admin").await;
    let (_, audit) = page_as(&admin, &app, "/admin/audit?q=Classmate").await;
    let header_box = r#"id="site-search" name="q" type="search" value="Classmate""#;
    assert!(!audit.contains(header_box));
    let (_, search) = page_as(&admin, &app, "/search?q=Classmate").await;
    assert!(search.contains(header_box));
}

#[tokio::test]
async fn the_application_email_reads_right_for_an_individual_partner() {
    let app = spawn_app().await;
    apply_as_individual(&app, "ishaan@example.in").await;
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM email_outbox WHERE to_address = 'ishaan@example.in'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(
        body.contains("partner programme (individual partner)"),
        "{body}"
    );
    assert!(!body.contains(" a individual"), "{body}");
}

/// Ishaan applies as an individual partner.
async fn apply_as_individual(app: &TestApp, email: &str) {
    let form = [
        ("kind", "ipp"),
        ("name", "Ishaan Mehta"),
        ("email", email),
        ("mobile", "9876543210"),
        ("city", "Indore"),
        ("pan", ""),
        ("upi_id", "ishaan@okaxis"),
        ("business_name", ""),
        ("gstin", ""),
        ("address", ""),
    ];
    let applied = call(&browser(), app, "apply_as_partner", &form).await;
    assert_eq!(applied.status(), 200, "{}", applied.text().await.unwrap());
}

#[tokio::test]
async fn the_approval_email_says_its_link_chooses_a_password_and_then_login_opens_the_dashboard() {
    let app = spawn_app().await;
    apply_as_individual(&app, "ishaan@example.in").await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM partner_applications")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let admin = signed_in_as(&app, "owner@example.in", "admin").await;
    let approved = call(
        &admin,
        &app,
        "admin/approve_application",
        &[("id", &id.to_string())],
    )
    .await;
    assert_eq!(approved.status(), 200, "{}", approved.text().await.unwrap());
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM email_outbox
         WHERE to_address = 'ishaan@example.in' AND subject LIKE 'Welcome%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(body.contains("choose the password"), "{body}");
    assert!(body.contains("Then log in"), "{body}");
    assert!(!body.contains("dashboard opens"), "{body}");

    // And that is what the link does: a page to choose a password, then the login page.
    let link = body
        .split_whitespace()
        .find(|word| word.contains("token="))
        .expect("a link in the email");
    let (status, html) = page_as(&browser(), &app, &link.replace(&app.url, "")).await;
    assert_eq!(status, 200);
    assert!(html.contains("password"), "{html}");
    let token = link.split("token=").nth(1).unwrap();
    let chosen = call(
        &browser(),
        &app,
        "reset_password",
        &[("token", token), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(chosen.status(), 200, "{}", chosen.text().await.unwrap());
    let next = chosen
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(next.starts_with("/login"), "went to {next:?}");
}

#[tokio::test]
async fn a_cart_of_one_is_one_item_at_checkout() {
    let app = spawn_shop().await;
    let guest = guest_with_cart(&app, "STP-001", "1").await;
    let (status, html) = page_as(&guest, &app, "/checkout").await;
    assert_eq!(status, 200);
    let at = html
        .find(r#"data-testid="checkout-summary""#)
        .expect("a summary");
    let shown = &html[at..at + 80];
    assert!(shown.contains(">1 item,"), "{shown}");
}

#[tokio::test]
async fn the_audit_log_shows_what_changed_in_rupees_and_names_with_the_records_one_click_away() {
    let app = spawn_shop().await;
    let admin = signed_in_as(&app, "owner@example.in", "admin").await;
    sqlx::query(
        "INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
         SELECT 'owner@example.in', 'product.updated', 'product', '7',
                jsonb_build_object('name', 'Rice', 'price', 10365050, 'category_id', a.id, 'active', true),
                jsonb_build_object('name', 'Rice', 'price', 9900, 'category_id', b.id, 'active', true)
         FROM categories a, categories b WHERE a.slug = 'staples' AND b.slug = 'snacks'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (status, html) = page_as(&admin, &app, "/admin/audit").await;
    assert_eq!(status, 200);
    let start = html
        .find(r#"data-testid="audit-changes""#)
        .expect("the changes");
    let end = start + html[start..].find("</ul>").unwrap();
    let changes = main_text(&format!(r#"<main id="main">{}</main>"#, &html[start..end]));
    assert!(
        changes.contains("Price: ₹1,03,650.50 → ₹99.00"),
        "{changes}"
    );
    assert!(
        changes.contains("Category: Staples and grains → Snacks and sweets"),
        "{changes}"
    );
    assert!(
        !changes.contains("Name") && !changes.contains("Active"),
        "{changes}"
    );
    assert!(html.contains("Full records"));
    assert!(html.contains("Product changed"), "the action in words");
    assert!(
        !html.contains("product.updated"),
        "not the stored action name"
    );
}
