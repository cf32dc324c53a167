//! Razorpay's signatures: HMAC-SHA256 in hex, compared in constant time.
//! Checkout and payment-link callbacks are signed with the key secret,
//! webhooks with the webhook secret.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// HMAC-SHA256 of `message` under `secret`, in lowercase hex.
pub fn sign(secret: &str, message: &[u8]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

/// Whether `signature` (hex) is HMAC-SHA256 of `message` under `secret`. An
/// empty secret verifies nothing.
pub fn verify(secret: &str, message: &[u8], signature: &str) -> bool {
    if secret.is_empty() {
        return false;
    }
    let Ok(given) = hex::decode(signature.trim()) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(message);
    // `verify_slice` compares in constant time.
    mac.verify_slice(&given).is_ok()
}

/// Standard Checkout's handler: `<order_id>|<payment_id>`, where the order
/// id is the one we stored, never the one the browser sent.
pub fn checkout_message(order_id: &str, payment_id: &str) -> String {
    format!("{order_id}|{payment_id}")
}

/// A payment link's callback: `<link id>|<reference id>|<status>|<payment id>`.
pub fn payment_link_message(
    link_id: &str,
    reference_id: &str,
    status: &str,
    payment_id: &str,
) -> String {
    format!("{link_id}|{reference_id}|{status}|{payment_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_made_with_the_secret_verifies_and_any_change_does_not() {
        let message = checkout_message("order_A", "pay_B");
        let signature = sign("s3cret", message.as_bytes());
        assert!(verify("s3cret", message.as_bytes(), &signature));
        assert!(!verify("other", message.as_bytes(), &signature));
        assert!(!verify("s3cret", b"order_A|pay_C", &signature));
        assert!(!verify("s3cret", message.as_bytes(), "not hex"));
        assert!(!verify(
            "",
            message.as_bytes(),
            &sign("", message.as_bytes())
        ));
    }

    #[test]
    fn the_documented_example_signature_matches() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        assert_eq!(
            sign("key", b"The quick brown fox jumps over the lazy dog"),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
    }
}
