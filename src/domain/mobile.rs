//! An Indian mobile number: ten digits starting 6 to 9, optionally written
//! with +91, 91 or 0 in front and spaces or dashes between groups.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mobile(String);

pub const MOBILE_INVALID: &str = "Enter a 10-digit Indian mobile number, e.g. 98765 43210.";

impl Mobile {
    pub fn parse(input: &str) -> Result<Mobile, String> {
        let digits: String = input
            .trim()
            .trim_start_matches('+')
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(MOBILE_INVALID.to_string());
        }
        let national = match digits.len() {
            12 if digits.starts_with("91") => &digits[2..],
            11 if digits.starts_with('0') => &digits[1..],
            10 => &digits[..],
            _ => return Err(MOBILE_INVALID.to_string()),
        };
        if national.starts_with(['6', '7', '8', '9']) {
            Ok(Mobile(national.to_string()))
        } else {
            Err(MOBILE_INVALID.to_string())
        }
    }

    /// Parses an optional field: blank means "not given".
    pub fn parse_optional(input: &str) -> Result<Option<Mobile>, String> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            Mobile::parse(input).map(Some)
        }
    }

    /// The ten national digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ways_of_writing_a_number_are_accepted() {
        for ok in [
            "9876543210",
            "+91 98765 43210",
            "919876543210",
            "09876543210",
            "98765-43210",
        ] {
            assert_eq!(Mobile::parse(ok).unwrap().as_str(), "9876543210", "{ok}");
        }
    }

    #[test]
    fn numbers_that_are_not_indian_mobiles_are_refused() {
        for bad in [
            "5876543210",
            "987654321",
            "98765432101",
            "98765abcde",
            "+1 415 555 0100",
        ] {
            assert!(Mobile::parse(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn a_blank_optional_number_is_none() {
        assert_eq!(Mobile::parse_optional("  ").unwrap(), None);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn a_mobile_number_is_the_same_however_it_is_written(
                national in "[6-9][0-9]{9}",
                prefix in prop::sample::select(vec!["", "+91", "+91 ", "91", "0"]),
                split in 1usize..9,
            ) {
                let written = format!("{prefix}{} {}", &national[..split], &national[split..]);
                prop_assert_eq!(Mobile::parse(&written).unwrap().as_str().to_string(), national);
            }

            #[test]
            fn ten_digits_starting_0_to_5_are_refused(number in "[0-5][0-9]{9}") {
                prop_assert!(Mobile::parse(&number).is_err());
            }

            #[test]
            fn any_text_is_answered_without_panicking(text in "\\PC{0,20}") {
                if let Ok(m) = Mobile::parse(&text) {
                    prop_assert_eq!(m.as_str().len(), 10);
                }
            }
        }
    }
}
