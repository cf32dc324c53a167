//! Batches of a product (batch number, expiry, MRP, cost) and the goods
//! receipts that bring them in: the words and dates staff type, checked.

use super::Paise;
use serde::{Deserialize, Serialize};

/// A calendar date as `YYYY-MM-DD` (what PostgreSQL's `date` reads and writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// `YYYY-MM-DD`; `YYYY-MM` (how medicine packs print expiry) means the
    /// last day of that month.
    pub fn parse(text: &str) -> Option<Date> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        let (year, month) = (number(parts.first()?, 4)?, number(parts.get(1)?, 2)?);
        let year = year as i32;
        if !(1..=12).contains(&month) || !(2000..=2099).contains(&year) {
            return None;
        }
        let day = match parts.get(2) {
            None => days_in_month(year, month),
            Some(day) if parts.len() == 3 => number(day, 2)?,
            Some(_) => return None,
        };
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A batch (lot) number as printed on the pack: letters, digits, `/ . -`.
pub fn parse_batch_no(text: &str) -> Result<String, String> {
    let text = text.trim().to_uppercase();
    let ok = !text.is_empty()
        && text.len() <= 30
        && text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-'));
    if ok {
        Ok(text)
    } else {
        Err("Enter the batch number printed on the pack (letters, digits, / . -).".into())
    }
}

/// Why staff change a batch's quantity by hand.
pub const BATCH_ADJUSTMENT_REASONS: [(&str, &str); 5] = [
    ("damaged", "Damaged"),
    ("expiry_write_off", "Expired: written off"),
    ("supplier_return", "Returned to supplier"),
    ("correction", "Stock count correction"),
    ("returned", "Returned by customer"),
];

/// One batch as staff see it on the product's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchView {
    pub id: i32,
    pub batch_no: String,
    /// e.g. `31 Mar 2027`.
    pub expires: String,
    pub mrp: Paise,
    pub cost: Paise,
    pub quantity: i32,
    pub state: ExpiryState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExpiryState {
    Sellable,
    /// Within the shop's near-expiry window.
    NearExpiry,
    /// Not sellable any more; on the shelf until written off.
    Expired,
}

impl ExpiryState {
    pub fn label(self) -> &'static str {
        match self {
            ExpiryState::Sellable => "In date",
            ExpiryState::NearExpiry => "Expires soon",
            ExpiryState::Expired => "Expired",
        }
    }
}

/// A batch in the expiry report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpiringBatch {
    pub product_id: i32,
    pub product: String,
    pub sku: String,
    pub batch: BatchView,
    /// Days left until the expiry date (negative once past).
    pub days_left: i32,
}

/// What the staff header and the alerts page count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockAlertCounts {
    pub near_expiry: i64,
    pub expired: i64,
    pub low_stock: i64,
}

impl StockAlertCounts {
    /// How the staff header says it: `1 expired · 2 expiring soon · 3 low on stock`.
    pub fn line(&self) -> String {
        format!(
            "{} expired · {} expiring soon · {} low on stock",
            self.expired, self.near_expiry, self.low_stock
        )
    }
}

/// A product staff can receive in batches (the receipt form's choices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchProductChoice {
    pub id: i32,
    pub label: String,
}

/// One line of a goods receipt as typed; blank lines are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptLineInput {
    #[serde(default)]
    pub product_id: String,
    #[serde(default)]
    pub batch_no: String,
    #[serde(default)]
    pub expires_on: String,
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub cost: String,
    #[serde(default)]
    pub mrp: String,
}

impl ReceiptLineInput {
    pub fn is_blank(&self) -> bool {
        [
            &self.product_id,
            &self.batch_no,
            &self.expires_on,
            &self.quantity,
            &self.cost,
            &self.mrp,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// A goods receipt in the list of past deliveries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptSummary {
    pub id: i64,
    pub supplier: String,
    pub invoice_number: String,
    pub invoice_date: String,
    pub received_at: String,
    pub lines: i64,
    pub units: i64,
    pub cost: Paise,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_date_is_read_as_written() {
        assert_eq!(
            Date::parse("2027-03-15").map(|d| d.iso()),
            Some("2027-03-15".into())
        );
    }

    #[test]
    fn a_month_means_its_last_day_as_packs_print_expiry() {
        assert_eq!(
            Date::parse("2027-02").map(|d| d.iso()),
            Some("2027-02-28".into())
        );
        assert_eq!(
            Date::parse("2028-02").map(|d| d.iso()),
            Some("2028-02-29".into())
        );
        assert_eq!(
            Date::parse("2027-04").map(|d| d.iso()),
            Some("2027-04-30".into())
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2027-02-30",
            "2027-13-01",
            "27-03-01",
            "2027-3-1",
            "",
            "next year",
            "2027-03-01-02",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn batch_numbers_are_kept_in_capitals_and_odd_characters_refused() {
        assert_eq!(parse_batch_no(" ab123/x ").unwrap(), "AB123/X");
        assert!(parse_batch_no("").is_err());
        assert!(parse_batch_no("-A1").is_err());
        assert!(parse_batch_no("A 1").is_err());
        assert!(parse_batch_no(&"A".repeat(31)).is_err());
    }

    #[test]
    fn a_line_with_only_spaces_is_blank() {
        let line = ReceiptLineInput {
            batch_no: "  ".into(),
            ..Default::default()
        };
        assert!(line.is_blank());
        let line = ReceiptLineInput {
            quantity: "3".into(),
            ..Default::default()
        };
        assert!(!line.is_blank());
    }
}
