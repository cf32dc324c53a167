//! The QR code of a UPI intent, drawn as SVG for the order page.

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
