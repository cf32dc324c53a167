//! URL slugs: lower-case ASCII words joined by hyphens.

/// `"Haldiram's Aloo Bhujia 400 g"` → `"haldirams-aloo-bhujia-400-g"`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "Haldiram's" reads better as "haldirams" than "haldiram-s".
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn names_become_hyphenated_lower_case_words() {
        assert_eq!(
            slugify("Haldiram's Aloo Bhujia 400 g"),
            "haldirams-aloo-bhujia-400-g"
        );
        assert_eq!(slugify("  Nescafé -- Classic!! "), "nescaf-classic");
        assert_eq!(slugify("Hide & Seek"), "hide-seek");
    }
}
