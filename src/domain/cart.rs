//! A cart as the cart page shows it; every amount is computed on the server
//! from the catalogue's prices, never taken from a form.

use super::{included_gst, Paise, ProductCard};
use serde::{Deserialize, Serialize};

/// No line may hold more than this many units.
pub const MAX_LINE_QUANTITY: i32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub product: ProductCard,
    pub quantity: i32,
    pub gst_rate: i16,
}

impl CartLine {
    pub fn total(&self) -> Paise {
        Paise(self.product.price.0 * i64::from(self.quantity))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cart {
    pub lines: Vec<CartLine>,
}

impl Cart {
    pub fn total(&self) -> Paise {
        Paise(self.lines.iter().map(|l| l.total().0).sum())
    }

    pub fn item_count(&self) -> i32 {
        self.lines.iter().map(|l| l.quantity).sum()
    }

    /// `(rate, GST included at that rate)`, lowest rate first, zero rates left out.
    pub fn gst_by_rate(&self) -> Vec<(i16, Paise)> {
        let mut rates: Vec<i16> = self
            .lines
            .iter()
            .map(|l| l.gst_rate)
            .filter(|r| *r > 0)
            .collect();
        rates.sort_unstable();
        rates.dedup();
        rates
            .into_iter()
            .map(|rate| {
                let gross: i64 = self
                    .lines
                    .iter()
                    .filter(|l| l.gst_rate == rate)
                    .map(|l| l.total().0)
                    .sum();
                (rate, included_gst(Paise(gross), rate))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(price: i64, quantity: i32, gst_rate: i16) -> CartLine {
        CartLine {
            product: ProductCard {
                id: 1,
                slug: "x".into(),
                name: "X".into(),
                brand: String::new(),
                unit: String::new(),
                price: Paise(price),
                mrp: Paise(price),
                stock: 10,
                image: String::new(),
                image_alt: String::new(),
            },
            quantity,
            gst_rate,
        }
    }

    #[test]
    fn totals_and_gst_are_summed_per_rate() {
        let cart = Cart {
            lines: vec![
                line(10_500, 2, 5),
                line(11_800, 1, 18),
                line(2_800, 1, 0),
                line(21_000, 1, 5),
            ],
        };
        assert_eq!(cart.total(), Paise(21_000 + 11_800 + 2_800 + 21_000));
        assert_eq!(cart.item_count(), 5);
        assert_eq!(
            cart.gst_by_rate(),
            vec![(5, Paise(2_000)), (18, Paise(1_800))]
        );
    }
}
