//! A PAN (Permanent Account Number): ten characters, five letters, four
//! digits, a letter, e.g. `ABCPE1234F`. The fourth letter says who holds it
//! (P a person, C a company, F a firm …). The last letter is a check
//! character whose formula the tax department does not publish, so only the
//! shape and the holder letter are checked.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pan(String);

pub const PAN_INVALID: &str =
    "A PAN has 10 characters, e.g. ABCPE1234F: five letters, four digits, one letter.";
pub const PAN_HOLDER_INVALID: &str =
    "The fourth letter of a PAN says who holds it (P for a person, C for a company, F for a firm …); this one is not used.";

/// Holder types: association of persons, body of individuals, company, firm,
/// government, HUF, artificial juridical person, local authority, person, trust.
const HOLDER_LETTERS: &[u8] = b"ABCFGHJLPT";

impl Pan {
    pub fn parse(input: &str) -> Result<Pan, String> {
        let pan: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let b = pan.as_bytes();
        let shaped = b.len() == 10
            && b[..5].iter().all(u8::is_ascii_uppercase)
            && b[5..9].iter().all(u8::is_ascii_digit)
            && b[9].is_ascii_uppercase();
        if !shaped {
            return Err(PAN_INVALID.into());
        }
        if !HOLDER_LETTERS.contains(&b[3]) {
            return Err(PAN_HOLDER_INVALID.into());
        }
        Ok(Pan(pan))
    }

    /// Blank means "not given".
    pub fn parse_optional(input: &str) -> Result<Option<Pan>, String> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            Pan::parse(input).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For showing on a partner's own pages: `XXXXX1234X`.
    pub fn masked(&self) -> String {
        format!("XXXXX{}X", &self.0[5..9])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_pan_is_accepted_in_any_case_and_spacing() {
        assert_eq!(Pan::parse("ABCPE1234F").unwrap().as_str(), "ABCPE1234F");
        assert_eq!(Pan::parse(" abcpe 1234 f ").unwrap().as_str(), "ABCPE1234F");
    }

    #[test]
    fn wrong_shapes_are_refused_with_an_example() {
        for bad in [
            "",
            "ABCPE1234",
            "ABCPE12345",
            "1BCPE1234F",
            "ABCPE12F4F",
            "ABCPÉ1234F",
        ] {
            assert_eq!(Pan::parse(bad), Err(PAN_INVALID.into()), "{bad}");
        }
    }

    #[test]
    fn an_unused_holder_letter_is_refused() {
        assert_eq!(Pan::parse("ABCXE1234F"), Err(PAN_HOLDER_INVALID.into()));
    }

    #[test]
    fn a_masked_pan_shows_only_its_digits() {
        assert_eq!(Pan::parse("ABCPE1234F").unwrap().masked(), "XXXXX1234X");
    }

    proptest! {
        #[test]
        fn every_well_formed_pan_is_accepted_unchanged(
            pan in "[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]"
        ) {
            prop_assert_eq!(Pan::parse(&pan).unwrap().as_str().to_string(), pan.clone());
            prop_assert_eq!(Pan::parse(&pan.to_lowercase()).unwrap().as_str().to_string(), pan);
        }

        #[test]
        fn any_text_is_answered_without_panicking(text in "\\PC{0,20}") {
            if let Ok(pan) = Pan::parse(&text) {
                prop_assert_eq!(Pan::parse(pan.as_str()), Ok(pan.clone()));
                prop_assert_eq!(pan.as_str().len(), 10);
            }
        }
    }
}
