//! The UPI payment intent: `upi://pay?pa=…&pn=…&am=…&cu=INR&tn=…&tr=…`. The
//! same string opens a UPI app on a phone and is the QR code's payload.

use super::{encode, Paise};

pub fn intent_url(vpa: &str, payee: &str, amount: Paise, reference: &str) -> String {
    format!(
        "upi://pay?pa={}&pn={}&am={}&cu=INR&tn={}&tr={}",
        encode(vpa),
        encode(payee),
        amount.decimal(),
        encode(&format!("Order {reference}")),
        encode(reference)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_intent_carries_payee_amount_currency_and_reference() {
        let url = intent_url("shop@okaxis", "Haat Store & Co", Paise(164_000), "HT7K2M9Q");
        assert_eq!(
            url,
            "upi://pay?pa=shop%40okaxis&pn=Haat%20Store%20%26%20Co&am=1640.00&cu=INR&tn=Order%20HT7K2M9Q&tr=HT7K2M9Q"
        );
    }
}
