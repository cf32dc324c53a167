//! What a partner's dashboard shows. Customers' details are masked: a
//! partner sees that an order came through their link, not who placed it.

use super::{Paise, PartnerKind, StatementView};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerDashboard {
    pub name: String,
    pub kind: PartnerKind,
    pub referral_code: String,
    /// The shop's home page with `?ref=CODE`.
    pub referral_link: String,
    /// The link's QR code, as SVG.
    pub qr_svg: String,
    /// e.g. `8 %`.
    pub rate: String,
    pub visits: i64,
    pub orders: i64,
    pub pending: Paise,
    pub due: Paise,
    pub paid: Paise,
    pub referred_orders: Vec<ReferredOrder>,
    pub payouts: Vec<StatementView>,
    pub profile: PartnerProfile,
    pub documents: Vec<DocumentView>,
}

/// The kinds of KYC document a partner can upload, `(value, label)`.
pub const DOCUMENT_KINDS: [(&str, &str); 5] = [
    ("pan", "PAN card"),
    ("gst_certificate", "GST registration certificate"),
    ("address_proof", "Address proof"),
    ("cancelled_cheque", "Cancelled cheque"),
    ("other", "Other"),
];

/// A KYC document the partner uploaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: String,
    pub kind: String,
    pub file_name: String,
    pub size_kb: i32,
    pub uploaded_at: String,
}

impl PartnerDashboard {
    /// Orders per hundred visits, one decimal; `None` before the first visit.
    pub fn conversion(&self) -> Option<String> {
        (self.visits > 0).then(|| {
            let tenths = (self.orders * 1000 + self.visits / 2) / self.visits;
            format!("{}.{} %", tenths / 10, tenths % 10)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferredOrder {
    /// Masked, e.g. `R**** K****`.
    pub customer: String,
    pub placed_at: String,
    pub status: String,
    pub total: Paise,
    pub commission: Option<Paise>,
    pub commission_status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerProfile {
    pub email: String,
    pub mobile: Option<String>,
    pub city: String,
    pub upi_id: String,
    /// Masked, e.g. `XXXXX1234X`.
    pub pan: Option<String>,
    pub business_name: Option<String>,
    pub gstin: Option<String>,
    pub since: String,
}

/// Each word's first letter, the rest starred: `Ravi Kumar` → `R*** K****`.
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            first + &"*".repeat(chars.count())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_name_shows_only_initials() {
        assert_eq!(mask_name("Ravi  Kumar"), "R*** K****");
        assert_eq!(mask_name("Ä"), "Ä");
        assert_eq!(mask_name(""), "");
    }
}
