//! A person's name as typed: trimmed, 1 to 100 characters, no control characters.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<PersonName, String> {
        let name = input.trim();
        if name.is_empty() {
            Err("Enter your name.".into())
        } else if name.chars().count() > 100 {
            Err("Keep your name to 100 characters.".into())
        } else if name.chars().any(char::is_control) {
            Err("Your name contains characters we cannot store.".into())
        } else {
            Ok(PersonName(name.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed() {
        assert_eq!(
            PersonName::parse("  Asha Rao ").unwrap().as_str(),
            "Asha Rao"
        );
    }

    #[test]
    fn empty_and_overlong_names_are_refused() {
        assert!(PersonName::parse("   ").is_err());
        assert!(PersonName::parse(&"a".repeat(101)).is_err());
    }
}
