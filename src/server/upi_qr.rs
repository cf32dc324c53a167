//! QR codes drawn as SVG: a UPI intent on the order page, a referral link on
//! the partner dashboard.

use qrcode::{render::svg, QrCode};

/// The code for `intent`; `Err` only for a payload too long for any QR version.
pub fn code(intent: &str) -> Result<QrCode, qrcode::types::QrError> {
    QrCode::new(intent.as_bytes())
}

pub fn svg(intent: &str) -> Result<String, qrcode::types::QrError> {
    Ok(code(intent)?
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .build())
}
