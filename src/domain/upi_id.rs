//! A UPI ID (virtual payment address): `name@bank`, e.g. `store@okaxis`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpiId(String);

pub const UPI_ID_INVALID: &str =
    "Enter a UPI ID like yourshop@okaxis: letters, digits, dots or hyphens, then @ and the bank's handle.";

impl UpiId {
    pub fn parse(input: &str) -> Result<UpiId, String> {
        let id = input.trim().to_ascii_lowercase();
        let Some((name, handle)) = id.split_once('@') else {
            return Err(UPI_ID_INVALID.into());
        };
        let name_ok = (2..=256).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        let handle_ok = (2..=64).contains(&handle.len())
            && handle.chars().all(|c| c.is_ascii_alphanumeric())
            && handle.starts_with(|c: char| c.is_ascii_alphabetic());
        if name_ok && handle_ok {
            Ok(UpiId(id))
        } else {
            Err(UPI_ID_INVALID.into())
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
    fn common_upi_ids_are_accepted_and_lower_cased() {
        assert_eq!(
            UpiId::parse("Store@OKAXIS").unwrap().as_str(),
            "store@okaxis"
        );
        assert!(UpiId::parse("98765.43210-x@ybl").is_ok());
    }

    #[test]
    fn ids_without_a_handle_or_with_spaces_are_refused() {
        for bad in [
            "store",
            "store@",
            "@okaxis",
            "my shop@okaxis",
            "store@ok axis",
            "a@b@c",
        ] {
            assert!(UpiId::parse(bad).is_err(), "{bad}");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn well_formed_upi_ids_are_accepted_lower_cased(
                id in "[a-zA-Z0-9][a-zA-Z0-9._-]{1,30}@[a-zA-Z][a-zA-Z0-9]{1,15}"
            ) {
                prop_assert_eq!(UpiId::parse(&id).unwrap().as_str().to_string(), id.to_ascii_lowercase());
            }

            #[test]
            fn text_without_an_at_sign_is_refused(text in "[^@]{0,40}") {
                prop_assert!(UpiId::parse(&text).is_err());
            }

            #[test]
            fn any_text_is_answered_without_panicking(text in "\\PC{0,40}") {
                if let Ok(id) = UpiId::parse(&text) {
                    prop_assert_eq!(UpiId::parse(id.as_str()), Ok(id.clone()));
                }
            }
        }
    }
}
