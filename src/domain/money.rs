//! Money in integer paise, shown the Indian way: `₹1,23,456.78` (the last
//! three digits, then groups of two: thousand, lakh, crore).

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Paise(pub i64);

impl Paise {
    pub fn from_rupees(rupees: i64) -> Paise {
        Paise(rupees * 100)
    }

    /// `1,23,456.78` without the rupee sign.
    pub fn grouped(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let rupees = (abs / 100).to_string();
        let paise = abs % 100;
        let grouped = if rupees.len() <= 3 {
            rupees
        } else {
            let (head, last_three) = rupees.split_at(rupees.len() - 3);
            let mut groups: Vec<&str> = Vec::new();
            let mut end = head.len();
            while end > 0 {
                let start = end.saturating_sub(2);
                groups.push(&head[start..end]);
                end = start;
            }
            groups.reverse();
            format!("{},{last_three}", groups.join(","))
        };
        format!("{sign}{grouped}.{paise:02}")
    }

    /// The amount as a decimal number of rupees for machines (`1234.50`), e.g. JSON-LD or UPI.
    pub fn decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// Whole percent saved against `mrp`, rounded down (never overstated).
    pub fn percent_off(self, mrp: Paise) -> u32 {
        if mrp.0 <= 0 || self.0 >= mrp.0 {
            0
        } else {
            (((mrp.0 - self.0) * 100) / mrp.0) as u32
        }
    }
}

impl std::fmt::Display for Paise {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "₹{}", self.grouped())
    }
}

#[cfg(test)]
mod tests {
    use super::Paise;

    #[test]
    fn amounts_use_indian_digit_grouping() {
        assert_eq!(Paise(12_345_678).to_string(), "₹1,23,456.78");
        assert_eq!(Paise(1_000_000_000).to_string(), "₹1,00,00,000.00");
        assert_eq!(Paise(99_900).to_string(), "₹999.00");
        assert_eq!(Paise(100_000).to_string(), "₹1,000.00");
        assert_eq!(Paise(5).to_string(), "₹0.05");
        assert_eq!(Paise(-150_050).to_string(), "₹-1,500.50");
    }

    #[test]
    fn the_decimal_form_has_no_grouping() {
        assert_eq!(Paise(12_345_678).decimal(), "123456.78");
        assert_eq!(Paise(700).decimal(), "7.00");
    }

    #[test]
    fn percent_off_rounds_down_and_is_zero_without_a_discount() {
        assert_eq!(Paise(9_000).percent_off(Paise(10_000)), 10);
        assert_eq!(Paise(6_667).percent_off(Paise(10_000)), 33);
        assert_eq!(Paise(10_000).percent_off(Paise(10_000)), 0);
    }
}
