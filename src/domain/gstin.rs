//! A GSTIN: 15 characters — state code, PAN, entity number, `Z`, and a check
//! character computed from the other fourteen (base-36, weights 1 and 2).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gstin(String);

pub const GSTIN_SHAPE: &str =
    "A GSTIN has 15 characters, e.g. 27AAPFU0939F1ZV: state code, PAN, entity number, Z, check character.";
pub const GSTIN_CHECKSUM: &str =
    "This GSTIN's last character does not match the rest; check it for a typing mistake.";

const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn value(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character for the first fourteen characters.
fn check_character(first14: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (i, &c) in first14.iter().enumerate() {
        let weight = if i % 2 == 0 { 1 } else { 2 };
        let product = value(c)? * weight;
        sum += product / 36 + product % 36;
    }
    Some(ALPHABET[((36 - sum % 36) % 36) as usize])
}

fn has_shape(g: &[u8]) -> bool {
    let digit = |c: &u8| c.is_ascii_digit();
    let letter = |c: &u8| c.is_ascii_uppercase();
    g.len() == 15
        && g[0..2].iter().all(digit)
        && g[2..7].iter().all(letter)
        && g[7..11].iter().all(digit)
        && letter(&g[11])
        && (g[12].is_ascii_uppercase() || (b'1'..=b'9').contains(&g[12]))
        && g[13] == b'Z'
        && g[14].is_ascii_alphanumeric()
}

impl Gstin {
    pub fn parse(input: &str) -> Result<Gstin, String> {
        let g: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let bytes = g.as_bytes();
        if !has_shape(bytes) {
            return Err(GSTIN_SHAPE.into());
        }
        let state: u32 = g[0..2].parse().unwrap_or(0);
        if !(1..=38).contains(&state) && state != 97 && state != 99 {
            return Err("The first two digits must be a state code (01 to 38).".into());
        }
        if check_character(&bytes[..14]) != Some(bytes[14]) {
            return Err(GSTIN_CHECKSUM.into());
        }
        Ok(Gstin(g))
    }

    /// Blank means "not registered for GST".
    pub fn parse_optional(input: &str) -> Result<Option<Gstin>, String> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            Gstin::parse(input).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-digit state code it was registered in.
    pub fn state_code(&self) -> &str {
        &self.0[..2]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_gstins_are_accepted_in_any_case_and_spacing() {
        for g in ["27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "07AAACI1681G1ZR"] {
            assert_eq!(Gstin::parse(g).unwrap().as_str(), g);
        }
        assert_eq!(
            Gstin::parse(" 27aapfu0939f1zv ").unwrap().as_str(),
            "27AAPFU0939F1ZV"
        );
    }

    #[test]
    fn a_wrong_check_character_is_refused_as_a_typing_mistake() {
        assert_eq!(Gstin::parse("27AAPFU0939F1ZX"), Err(GSTIN_CHECKSUM.into()));
    }

    #[test]
    fn a_single_changed_character_is_caught_by_the_checksum() {
        let good = "29AAGCB7383J1Z4";
        for i in 7..11 {
            let mut b = good.as_bytes().to_vec();
            b[i] = if b[i] == b'9' { b'0' } else { b[i] + 1 };
            assert!(Gstin::parse(std::str::from_utf8(&b).unwrap()).is_err());
        }
    }

    #[test]
    fn wrong_shapes_are_refused_with_an_example() {
        for g in ["", "27AAPFU0939F1Z", "2AAAPFU0939F1ZV", "27AAPFU0939F1AV"] {
            assert_eq!(Gstin::parse(g), Err(GSTIN_SHAPE.into()));
        }
        assert!(Gstin::parse("00AAPFU0939F1ZV").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A GSTIN with a correct check character, from its parts.
        fn gstin() -> impl Strategy<Value = String> {
            (1u32..=38, "[A-Z]{5}[0-9]{4}[A-Z]", "[1-9A-Z]").prop_map(|(state, pan, entity)| {
                let first14 = format!("{state:02}{pan}{entity}Z");
                let check = check_character(first14.as_bytes()).unwrap() as char;
                format!("{first14}{check}")
            })
        }

        proptest! {
            #[test]
            fn every_gstin_with_its_check_character_is_accepted(g in gstin()) {
                prop_assert_eq!(Gstin::parse(&g).unwrap().as_str().to_string(), g.clone());
                prop_assert_eq!(Gstin::parse(&g.to_lowercase()).unwrap().as_str().to_string(), g);
            }

            #[test]
            fn any_one_mistyped_character_is_refused(
                g in gstin(),
                at in 0usize..15,
                typed in "[0-9A-Z]",
            ) {
                let mut mistyped = g.clone().into_bytes();
                mistyped[at] = typed.as_bytes()[0];
                prop_assume!(mistyped != g.as_bytes());
                let mistyped = String::from_utf8(mistyped).unwrap();
                prop_assert!(Gstin::parse(&mistyped).is_err(), "{} accepted", mistyped);
            }

            #[test]
            fn any_text_is_answered_without_panicking(text in "\\PC{0,20}") {
                if let Ok(g) = Gstin::parse(&text) {
                    prop_assert_eq!(Gstin::parse(g.as_str()), Ok(g.clone()));
                }
            }
        }
    }
}
