//! Markdown written in the admin, rendered to HTML that is safe to show:
//! scripts, event handlers and unknown tags are removed by ammonia.

use pulldown_cmark::{html, Options, Parser};

pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markdown_becomes_headings_lists_and_links() {
        let html = to_safe_html("## Returns\n\n- within **7 days**\n\n[Contact](/contact)");
        assert!(html.contains("<h2>Returns</h2>"));
        assert!(html.contains("<li>within <strong>7 days</strong></li>"));
        assert!(html.contains(r#"<a href="/contact" rel="noopener noreferrer">Contact</a>"#));
    }

    #[test]
    fn scripts_and_event_handlers_are_removed() {
        let html = to_safe_html(
            "<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("href=\"javascript:"), "{html}");
    }
}
