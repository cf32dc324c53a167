//! Built assets are served as files, whatever pages are being rendered at the
//! same moment: a browser test once received a stylesheet answered with
//! another request's redirect to the login page.

mod common;

use common::{browser, spawn_app_with, Settings};

#[tokio::test]
async fn assets_stay_files_while_visitors_are_redirected_to_log_in() {
    let site = std::env::temp_dir().join(format!("haat-site-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/app.css"), "body { color: teal }").unwrap();
    let app = spawn_app_with(Settings {
        site_root: Some(site.display().to_string()),
        ..Settings::default()
    })
    .await;
    let visitor = browser();
    for _ in 0..50 {
        let (page, css) = tokio::join!(
            visitor
                .get(format!("{}/dashboard", app.url))
                .header("accept", "text/html")
                .send(),
            visitor.get(format!("{}/pkg/app.css", app.url)).send(),
        );
        let page = page.unwrap();
        assert_eq!(
            page.headers().get("location").map(|l| l.to_str().unwrap()),
            Some("/login?next=/dashboard"),
            "a visitor is sent to log in"
        );
        let css = css.unwrap();
        assert_eq!(css.status(), 200);
        assert!(css.headers().get("location").is_none());
        assert_eq!(css.headers()["content-type"], "text/css");
        assert_eq!(
            css.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(css.text().await.unwrap(), "body { color: teal }");
    }
}
