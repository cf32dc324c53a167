//! Checkout's own fields: Indian PIN codes, states, and UPI transaction
//! references (UTR).

use serde::{Deserialize, Serialize};

/// A six-digit PIN code; the first digit is never 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinCode(String);

impl PinCode {
    pub fn parse(input: &str) -> Result<PinCode, String> {
        let pin: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if pin.len() == 6 && pin.chars().all(|c| c.is_ascii_digit()) && !pin.starts_with('0') {
            Ok(PinCode(pin))
        } else {
            Err("Enter the 6-digit PIN code, e.g. 560001.".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The 12-digit reference a UPI app shows after a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Utr(String);

impl Utr {
    pub fn parse(input: &str) -> Result<Utr, String> {
        let utr: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if utr.len() == 12 && utr.chars().all(|c| c.is_ascii_digit()) {
            Ok(Utr(utr))
        } else {
            Err("Enter the 12-digit UTR (UPI reference) from your payment app.".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// States and union territories, with their GST state codes.
pub const STATES: [(&str, &str); 36] = [
    ("35", "Andaman and Nicobar Islands"),
    ("37", "Andhra Pradesh"),
    ("12", "Arunachal Pradesh"),
    ("18", "Assam"),
    ("10", "Bihar"),
    ("04", "Chandigarh"),
    ("22", "Chhattisgarh"),
    ("26", "Dadra and Nagar Haveli and Daman and Diu"),
    ("07", "Delhi"),
    ("30", "Goa"),
    ("24", "Gujarat"),
    ("06", "Haryana"),
    ("02", "Himachal Pradesh"),
    ("01", "Jammu and Kashmir"),
    ("20", "Jharkhand"),
    ("29", "Karnataka"),
    ("32", "Kerala"),
    ("38", "Ladakh"),
    ("31", "Lakshadweep"),
    ("23", "Madhya Pradesh"),
    ("27", "Maharashtra"),
    ("14", "Manipur"),
    ("17", "Meghalaya"),
    ("15", "Mizoram"),
    ("13", "Nagaland"),
    ("21", "Odisha"),
    ("34", "Puducherry"),
    ("03", "Punjab"),
    ("08", "Rajasthan"),
    ("11", "Sikkim"),
    ("33", "Tamil Nadu"),
    ("36", "Telangana"),
    ("16", "Tripura"),
    ("09", "Uttar Pradesh"),
    ("05", "Uttarakhand"),
    ("19", "West Bengal"),
];

/// A state from the list, by its name.
pub fn parse_state(input: &str) -> Result<&'static str, String> {
    STATES
        .iter()
        .find(|(_, name)| *name == input.trim())
        .map(|(_, name)| *name)
        .ok_or_else(|| "Choose your state from the list.".into())
}

/// The two-digit GST state code of a state named as in [`STATES`].
pub fn state_code(name: &str) -> Option<&'static str> {
    STATES
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_codes_have_six_digits_and_do_not_start_with_zero() {
        assert_eq!(PinCode::parse(" 560 001 ").unwrap().as_str(), "560001");
        for bad in ["56001", "5600011", "060001", "56000a", ""] {
            assert!(PinCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_utr_is_twelve_digits() {
        assert_eq!(
            Utr::parse("4123 5678 9012").unwrap().as_str(),
            "412356789012"
        );
        for bad in ["12345678901", "1234567890123", "12345678901a"] {
            assert!(Utr::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_listed_states_are_accepted() {
        assert_eq!(parse_state("Karnataka").unwrap(), "Karnataka");
        assert!(parse_state("Atlantis").is_err());
    }
}
