//! Text we put in a CSV file: a cell that starts with `=`, `+`, `-`, `@`, a
//! tab or a carriage return is read as a formula by spreadsheets, so a
//! customer named `=HYPERLINK(…)` could run one on the accountant's machine.
//! Such cells get a leading apostrophe, which spreadsheets show as text.

/// `text`, safe to open in a spreadsheet.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Paise as rupees with two decimals (`1234.50`), for a number column.
pub fn rupees(paise: i64) -> String {
    let sign = if paise < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", paise.abs() / 100, paise.abs() % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_kept_as_text() {
        for formula in ["=1+1", "+91 98765", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(formula), format!("'{formula}"));
        }
        assert_eq!(cell("Asha Rao"), "Asha Rao");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn amounts_keep_their_paise_and_sign() {
        assert_eq!(rupees(123_450), "1234.50");
        assert_eq!(rupees(-45), "-0.45");
        assert_eq!(rupees(0), "0.00");
    }
}
