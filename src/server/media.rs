//! `GET /media/demo/{sku}-{n}.svg`: light SVG illustrations of the demo
//! products (a pack in the category's colours with its brand, name and size),
//! made on request so that the repository carries no image files.

use super::state::AppState;
use crate::db;
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

/// (background, pack colour, ink) for each category.
fn palette(category: &str) -> (&'static str, &'static str, &'static str) {
    match category {
        "staples" => ("#fef7e6", "#d97706", "#451a03"),
        "spices" => ("#fef2f2", "#b91c1c", "#450a0a"),
        "snacks" => ("#fff7ed", "#ea580c", "#431407"),
        "beverages" => ("#f0fdf4", "#15803d", "#052e16"),
        "dairy" => ("#eff6ff", "#2563eb", "#172554"),
        "personal-care" => ("#fdf4ff", "#a21caf", "#3b0764"),
        "household" => ("#ecfeff", "#0e7490", "#083344"),
        "baby-care" => ("#fdf2f8", "#db2777", "#500724"),
        "stationery" => ("#f5f3ff", "#6d28d9", "#2e1065"),
        _ => ("#f0fdfa", "#0f766e", "#042f2e"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Splits a name into at most three lines of about 14 characters.
fn lines(name: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + word.len() < 14 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.truncate(3);
    lines
}

pub fn render(label: &db::catalog::PackLabel, back: bool) -> String {
    let (background, pack, ink) = palette(&label.category_slug);
    let mut text = String::new();
    if back {
        text.push_str(&format!(
            r#"<text x="200" y="150" font-size="22" text-anchor="middle" fill="{ink}">{}</text>"#,
            escape(&label.name)
        ));
        for (i, y) in [190, 215, 240, 265].iter().enumerate() {
            let width = [180, 150, 170, 120][i];
            text.push_str(&format!(r##"<rect x="110" y="{y}" width="{width}" height="8" rx="4" fill="{ink}" opacity="0.25"/>"##));
        }
    } else {
        text.push_str(&format!(
            r#"<text x="200" y="132" font-size="20" font-weight="700" text-anchor="middle" fill="{pack}">{}</text>"#,
            escape(&label.brand)
        ));
        for (i, line) in lines(&label.name).iter().enumerate() {
            text.push_str(&format!(
                r#"<text x="200" y="{}" font-size="28" font-weight="700" text-anchor="middle" fill="{ink}">{}</text>"#,
                180 + i * 34,
                escape(line)
            ));
        }
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" font-family="system-ui,sans-serif"><rect width="400" height="400" fill="{background}"/><ellipse cx="200" cy="362" rx="120" ry="12" fill="{ink}" opacity="0.08"/><rect x="80" y="60" width="240" height="295" rx="26" fill="{pack}"/><rect x="96" y="96" width="208" height="200" rx="14" fill="#ffffff"/>{text}<text x="200" y="330" font-size="22" font-weight="600" text-anchor="middle" fill="#ffffff">{}</text></svg>"##,
        escape(&label.unit)
    )
}

pub async fn demo_image(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let parsed = file
        .strip_suffix(".svg")
        .and_then(|stem| stem.rsplit_once('-'))
        .filter(|(_, n)| *n == "1" || *n == "2");
    let Some((sku, n)) = parsed else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match db::catalog::pack_label(&state.pool, &sku.to_uppercase()).await {
        Ok(Some(label)) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            render(&label, n == "2"),
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!("demo image {file}: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_wrapped_and_text_is_escaped() {
        assert_eq!(
            lines("Hide & Seek Chocolate Chip Cookies"),
            ["Hide & Seek", "Chocolate Chip", "Cookies"]
        );
        let label = db::catalog::PackLabel {
            name: "Hide & Seek".into(),
            brand: "Parle <b>".into(),
            unit: "200 g".into(),
            category_slug: "snacks".into(),
        };
        let svg = render(&label, false);
        assert!(svg.contains("Hide &amp; Seek") && svg.contains("Parle &lt;b&gt;"));
        assert!(svg.len() < 2_000, "the illustration should stay light");
    }
}
