//! GST inside consumer prices: a price of ₹105 at 5 % includes ₹5 of GST.

use super::Paise;

/// The GST contained in `gross` (which includes it) at `rate` percent,
/// rounded to the nearest paisa.
pub fn included_gst(gross: Paise, rate: i16) -> Paise {
    if rate <= 0 {
        return Paise(0);
    }
    let rate = i64::from(rate);
    let numerator = gross.0 * rate;
    let denominator = 100 + rate;
    Paise((numerator + denominator / 2) / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tax_inside_a_price_is_worked_out_backwards() {
        assert_eq!(included_gst(Paise(10_500), 5), Paise(500));
        assert_eq!(included_gst(Paise(11_800), 18), Paise(1_800));
        assert_eq!(included_gst(Paise(68_900), 5), Paise(3_281));
        assert_eq!(included_gst(Paise(2_800), 0), Paise(0));
    }
}
