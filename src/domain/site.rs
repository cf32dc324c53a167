//! The public origin of the site (`https://shop.example.in`), for absolute
//! URLs in canonical links, social tags and structured data. Provided as
//! context by the server; in the browser those tags are already in place.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteOrigin(pub String);

/// `path` made absolute with the site's origin when it is known.
pub fn absolute_url(origin: Option<&SiteOrigin>, path: &str) -> String {
    match origin {
        Some(SiteOrigin(origin)) if path.starts_with('/') => {
            format!("{}{path}", origin.trim_end_matches('/'))
        }
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_joined_to_the_origin() {
        let origin = SiteOrigin("https://shop.example.in/".into());
        assert_eq!(
            absolute_url(Some(&origin), "/p/x"),
            "https://shop.example.in/p/x"
        );
        assert_eq!(absolute_url(None, "/p/x"), "/p/x");
    }
}
