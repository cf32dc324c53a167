//! `GET /sitemap.xml` (every category and product with its last change) and
//! `GET /robots.txt` (which points to it).

use super::state::AppState;
use crate::db;
use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

pub async fn sitemap(State(state): State<AppState>) -> Response {
    let entries = match db::catalog::sitemap_entries(&state.pool).await {
        Ok(entries) => entries,
        Err(e) => {
            tracing::error!("sitemap: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut xml = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    xml.push_str(r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#);
    xml.push_str(&format!("<url><loc>{}</loc></url>", state.config.link("/")));
    for (changed, path) in entries {
        // The partner programme's pages live under /partners/….
        let path = crate::ui::pages::partners::info_page::path_of(path.trim_start_matches('/'))
            .map_or(path.clone(), str::to_string);
        xml.push_str(&format!(
            "<url><loc>{}</loc><lastmod>{changed}</lastmod></url>",
            state.config.link(&path)
        ));
    }
    xml.push_str("</urlset>");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /account\nDisallow: /dashboard\nDisallow: /admin\nDisallow: /api/\n\nSitemap: {}\n",
        state.config.link("/sitemap.xml")
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}
