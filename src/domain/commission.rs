//! Commissions and payouts: rates, the months statements cover, the bank's
//! transfer reference, and what a statement shows.

use super::Paise;
use serde::{Deserialize, Serialize};

/// A commission rate in basis points (500 = 5 %), shown as a percentage.
pub fn rate_label(basis_points: i32) -> String {
    let whole = basis_points / 100;
    match basis_points % 100 {
        0 => format!("{whole} %"),
        part if part % 10 == 0 => format!("{whole}.{} %", part / 10),
        part => format!("{whole}.{part:02} %"),
    }
}

/// A percentage as typed (`5`, `7.5`, `8.25 %`) into basis points, 0 to 100 %.
pub fn parse_rate(input: &str) -> Result<i32, String> {
    const MESSAGE: &str = "Enter a percentage from 0 to 100, e.g. 5 or 7.5.";
    let text = input.trim().trim_end_matches('%').trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || whole.len() > 3
        || fraction.len() > 2
        || !whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(MESSAGE.into());
    }
    let whole: i32 = whole.parse().map_err(|_| MESSAGE.to_string())?;
    let fraction: i32 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let bp = whole * 100 + fraction;
    if bp > 10_000 {
        return Err(MESSAGE.into());
    }
    Ok(bp)
}

/// The programme's terms as the admin edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeTerms {
    /// Percentages as typed, e.g. `5` and `7.5`.
    pub ipp_rate: String,
    pub bpp_rate: String,
    pub hold_days: i32,
    pub won_lead_reward: Paise,
}

/// One partner's payout statement for a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementView {
    pub id: i64,
    pub partner_name: String,
    pub partner_email: String,
    pub referral_code: String,
    pub upi_id: String,
    /// e.g. `Nov 2026`.
    pub month: String,
    pub amount: Paise,
    /// `statement` (to pay) or `paid`.
    pub status: String,
    pub utr: Option<String>,
    pub commissions: i64,
}

/// A month as `YYYY-MM` (what `<input type="month">` sends): `(year, month)`.
pub fn parse_month(input: &str) -> Result<(i32, u8), String> {
    const MESSAGE: &str = "Choose a month, e.g. 2026-11.";
    let (year, month) = input.trim().split_once('-').ok_or(MESSAGE)?;
    let year: i32 = year.parse().map_err(|_| MESSAGE)?;
    let month: u8 = month.parse().map_err(|_| MESSAGE)?;
    if (2000..=2999).contains(&year) && (1..=12).contains(&month) {
        Ok((year, month))
    } else {
        Err(MESSAGE.into())
    }
}

/// The bank's reference for a transfer: 12 digits (IMPS, UPI), 16 characters
/// (NEFT) or 22 (RTGS); letters and digits only.
pub fn parse_transfer_utr(input: &str) -> Result<String, String> {
    let utr: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if (12..=22).contains(&utr.len()) && utr.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(utr)
    } else {
        Err(
            "Enter the UTR from the bank: 12 to 22 letters and digits, e.g. N123260012345678."
                .into(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_transfer_references_are_checked() {
        assert_eq!(parse_month("2026-11"), Ok((2026, 11)));
        assert!(parse_month("2026-13").is_err());
        assert!(parse_month("November").is_err());
        assert_eq!(
            parse_transfer_utr("n1232600 12345678"),
            Ok("N123260012345678".into())
        );
        assert!(parse_transfer_utr("12345").is_err());
        assert!(parse_transfer_utr("N12326001234567#").is_err());
    }

    #[test]
    fn rates_are_read_and_shown_as_percentages() {
        assert_eq!(parse_rate("5"), Ok(500));
        assert_eq!(parse_rate("7.5 %"), Ok(750));
        assert_eq!(parse_rate("8.25"), Ok(825));
        assert_eq!(parse_rate("100"), Ok(10_000));
        for bad in ["", "101", "-1", "5.125", "five", "."] {
            assert!(parse_rate(bad).is_err(), "{bad}");
        }
        assert_eq!(rate_label(500), "5 %");
        assert_eq!(rate_label(750), "7.5 %");
        assert_eq!(rate_label(825), "8.25 %");
    }
}
