//! An email address as the rest of the code may trust it: trimmed, lower-case,
//! one `@` with something on both sides and a dot in the domain.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

pub const EMAIL_INVALID: &str = "Enter an email address like name@example.com.";

impl Email {
    pub fn parse(input: &str) -> Result<Email, String> {
        let email = input.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if valid {
            Ok(Email(email))
        } else {
            Err(EMAIL_INVALID.to_string())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Asha@Example.IN ").unwrap().as_str(),
            "asha@example.in"
        );
    }

    #[test]
    fn addresses_without_a_proper_domain_are_refused() {
        for bad in [
            "",
            "asha",
            "asha@",
            "@example.com",
            "asha@example",
            "a b@example.com",
            "a@b@c.com",
            "a@.com",
            "a@b..com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
