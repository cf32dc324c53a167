//! Amounts typed by a person in rupees (`1,250.50`, `₹ 99`) turned into paise.

use super::Paise;

pub const RUPEES_INVALID: &str = "Enter an amount in rupees, e.g. 249 or 249.50.";

/// Parses a positive amount; at most two decimal places, at most ₹1 crore.
pub fn parse_rupees(input: &str) -> Result<Paise, String> {
    let text: String = input
        .trim()
        .trim_start_matches('₹')
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    if text.starts_with('-') {
        return Err("The amount must be more than zero.".into());
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 8
        || fraction.len() > 2
        || !digits(whole)
        || !digits(fraction)
    {
        return Err(RUPEES_INVALID.into());
    }
    let rupees: i64 = whole.parse().map_err(|_| RUPEES_INVALID.to_string())?;
    let paise: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let amount = rupees * 100 + paise;
    if amount <= 0 {
        return Err("The amount must be more than zero.".into());
    }
    // One crore rupees.
    if amount > 10_000_000 * 100 {
        return Err("The amount is too large.".into());
    }
    Ok(Paise(amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rupees_as_people_type_them_become_paise() {
        assert_eq!(parse_rupees("249"), Ok(Paise(24_900)));
        assert_eq!(parse_rupees("₹ 1,250.5"), Ok(Paise(125_050)));
        assert_eq!(parse_rupees("0.99"), Ok(Paise(99)));
    }

    #[test]
    fn negative_zero_and_malformed_amounts_are_refused() {
        assert!(parse_rupees("-5").unwrap_err().contains("more than zero"));
        assert!(parse_rupees("0").unwrap_err().contains("more than zero"));
        for bad in ["", "abc", "1.234", "12..3", "1e5"] {
            assert_eq!(parse_rupees(bad), Err(RUPEES_INVALID.into()), "{bad}");
        }
    }
}
