//! The order page's QR code decodes, with a real QR reader, to the UPI intent
//! with the right payee, amount, currency and reference.

use haat::{
    domain::{intent_url, Paise},
    server::upi_qr,
};

/// Reads the QR code back the way a phone camera would: as a picture.
fn decode(intent: &str) -> String {
    let code = upi_qr::code(intent).expect("a QR code");
    let width = code.width();
    let colors = code.to_colors();
    // Four modules of quiet zone and four pixels a module.
    let (quiet, scale) = (4, 4);
    let side = (width + 2 * quiet) * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = (x / scale, y / scale);
        let inside = mx >= quiet && my >= quiet && mx < quiet + width && my < quiet + width;
        if inside && colors[(my - quiet) * width + (mx - quiet)] == qrcode::Color::Dark {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().expect("a readable QR code").1
}

#[test]
fn the_qr_code_decodes_to_the_payable_intent() {
    let intent = intent_url(
        "demo.store@upi",
        "Haat Demo Store",
        Paise(164_050),
        "HT7K2M9Q",
    );
    let payload = decode(&intent);
    assert_eq!(payload, intent);
    let url = url::Url::parse(&payload).unwrap();
    assert_eq!(url.scheme(), "upi");
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(get("pa"), "demo.store@upi");
    assert_eq!(get("pn"), "Haat Demo Store");
    assert_eq!(get("am"), "1640.50");
    assert_eq!(get("cu"), "INR");
    assert_eq!(get("tr"), "HT7K2M9Q");
}

#[test]
fn the_svg_is_drawn_from_the_same_code() {
    let svg = upi_qr::svg("upi://pay?pa=a@b&am=1.00&cu=INR&tr=X").unwrap();
    assert!(svg.contains("<svg") && svg.contains("</svg>"));
}
