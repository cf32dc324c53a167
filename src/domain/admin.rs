//! What the admin screens show and send: rows, editors and the audit trail.

use super::{OrderEvent, OrderLine, Paise};
use serde::{Deserialize, Serialize};

/// A product in the admin's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminProductRow {
    pub id: i32,
    pub sku: String,
    pub name: String,
    pub category: String,
    pub price: Paise,
    pub stock: i32,
    /// The product's own threshold, or the shop's default.
    pub low_stock_threshold: i32,
    pub active: bool,
}

/// Every editable field of a product, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ProductFields {
    pub sku: String,
    pub name: String,
    pub slug: String,
    pub brand: String,
    pub category_id: i32,
    pub unit: String,
    pub description: String,
    pub price: Paise,
    pub mrp: Paise,
    pub gst_rate: i16,
    pub hsn: String,
    pub low_stock_threshold: Option<i32>,
    pub featured: bool,
    pub active: bool,
    /// Kept in batches with expiry dates (medicines, food): stock comes in
    /// through goods receipts and orders take the first to expire.
    pub batch_tracked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminImage {
    pub id: i32,
    pub path: String,
    pub alt: String,
}

/// One row of a product's stock ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockMovement {
    pub at: String,
    /// The batch's number, for a batch-tracked product.
    pub batch: Option<String>,
    pub delta: i32,
    pub stock_after: i32,
    pub reason: String,
    pub order_reference: Option<String>,
    pub actor: Option<String>,
    pub note: String,
}

/// A stock or batch adjustment as staff typed it, checked.
pub struct Adjustment {
    /// Units to add (negative to remove): not 0, at most a million either way.
    pub delta: i32,
    pub note: String,
    /// The form as typed, for a refusal found later (not enough units).
    pub form: super::FormErrors,
}

/// Checks an adjustment's units, its reason (one of `reasons`, else
/// `no_reason` beside the field) and its note (under 200 characters).
pub fn check_adjustment(
    quantity: &str,
    reason: &str,
    note: &str,
    reasons: &[(&str, &str)],
    no_reason: &str,
) -> Result<Adjustment, super::AppError> {
    let mut form = super::FormErrors::new(vec![
        ("quantity".into(), quantity.to_string()),
        ("reason".into(), reason.to_string()),
        ("note".into(), note.to_string()),
    ]);
    let delta = form.check(
        "quantity",
        quantity
            .trim()
            .trim_start_matches('+')
            .parse::<i32>()
            .ok()
            .filter(|n| *n != 0 && n.abs() <= 1_000_000)
            .ok_or_else(|| {
                "Enter the units to add, or with a minus sign to remove, e.g. 12 or -3.".to_string()
            }),
    );
    if !reasons.iter().any(|(r, _)| *r == reason) {
        form.add("reason", no_reason);
    }
    let note = note.trim().to_string();
    if note.chars().count() > 200 {
        form.add("note", "Keep the note under 200 characters.");
    }
    form.clone().into_result()?;
    match delta {
        Some(delta) => Ok(Adjustment { delta, note, form }),
        None => Err(super::AppError::Invalid(form)),
    }
}

/// Why staff change stock by hand.
pub const ADJUSTMENT_REASONS: [(&str, &str); 4] = [
    ("received", "Received from supplier"),
    ("damaged", "Damaged or expired"),
    ("correction", "Stock count correction"),
    ("returned", "Returned by customer"),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChoice {
    pub id: i32,
    pub name: String,
}

/// The product editor: the product (absent when creating one) and what its
/// selects and side panels need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductEditor {
    pub id: Option<i32>,
    pub fields: ProductFields,
    /// The description as the shop shows it.
    pub description_html: String,
    pub stock: i32,
    pub categories: Vec<CategoryChoice>,
    pub images: Vec<AdminImage>,
    pub movements: Vec<StockMovement>,
    pub default_low_stock_threshold: i32,
    /// Staff may adjust stock but not edit the product.
    pub can_edit: bool,
    /// The product's batches, when it is batch-tracked.
    pub batches: Vec<super::BatchView>,
    /// May receive goods and adjust stock and batches.
    pub can_adjust: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminCategory {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub position: i32,
    pub product_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOrderRow {
    pub reference: String,
    pub customer_name: String,
    pub status: String,
    pub payment_method: String,
    pub fulfilment: String,
    pub total: Paise,
    pub placed_at: String,
    pub utr: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOrderDetail {
    pub order: AdminOrderRow,
    /// The GST invoice's number, once the order is paid or collected.
    pub invoice_number: Option<String>,
    pub email: String,
    pub mobile: String,
    /// The delivery address on one line, for delivery orders.
    pub address: Option<String>,
    pub lines: Vec<OrderLine>,
    pub timeline: Vec<OrderEvent>,
    /// For orders paid online.
    pub online: Option<super::AdminOnlinePayment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRow {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub published: bool,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PageFields {
    pub slug: String,
    pub title: String,
    pub body: String,
    pub seo_title: String,
    pub seo_description: String,
    pub published: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRevision {
    pub id: i64,
    pub title: String,
    pub at: String,
    pub author: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEditor {
    pub id: Option<i32>,
    pub fields: PageFields,
    /// The body as visitors will see it (sanitised HTML).
    pub preview_html: String,
    pub revisions: Vec<PageRevision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenuLink {
    pub id: i32,
    pub menu: String,
    pub label: String,
    pub href: String,
}

/// The business as its customers see it; edited on the settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ShopSettings {
    pub business_name: String,
    pub logo_url: Option<String>,
    pub address: String,
    pub state: String,
    pub gstin: Option<String>,
    pub upi_id: String,
    pub upi_payee_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub upi_expiry_minutes: i32,
    pub low_stock_threshold: i32,
    pub hero_title: String,
    pub hero_text: String,
    /// Unpaid orders one customer (email or account) may have at once.
    pub max_unpaid_orders: i32,
    /// Cash orders not collected this long after placing expire.
    pub pickup_expiry_hours: i32,
    /// UPI orders whose reported UTR is not confirmed this long after expire.
    pub utr_expiry_hours: i32,
    /// Batches expiring within this many days are flagged to staff.
    pub near_expiry_days: i32,
    /// "Pay online (Razorpay)" is offered at checkout.
    pub razorpay_enabled: bool,
    /// Public: Razorpay Checkout is opened with it. The secrets are never
    /// loaded into this struct (see `db::settings::razorpay_secrets`).
    pub razorpay_key_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUserRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    /// For staff: manager, pharmacist, sales or auditor.
    pub staff_role: Option<String>,
    pub disabled: bool,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// An audit entry with what changed, field by field, for reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub entry: AuditEntry,
    pub changes: Vec<super::FieldChange>,
}

/// The steps staff can take from an order's status: `(new status, button label)`.
/// Cancelling is offered separately (see [`can_cancel`]).
pub fn next_steps(status: &str, fulfilment: &str) -> Vec<(&'static str, &'static str)> {
    match status {
        "payment_submitted" => vec![("paid", "Confirm UPI payment")],
        "paid" | "to_pay_at_pickup" => vec![("packed", "Mark packed")],
        "packed" if fulfilment == "delivery" => vec![("shipped", "Mark shipped")],
        "packed" => vec![("ready_for_pickup", "Mark ready for pickup")],
        "ready_for_pickup" => vec![("delivered", "Mark collected")],
        "shipped" => vec![("delivered", "Mark delivered")],
        // Goods brought back: stock returns and an unpaid commission is reversed.
        "delivered" => vec![("returned", "Mark returned")],
        _ => Vec::new(),
    }
}

/// Orders that have not left the shop can be cancelled; their stock returns.
pub fn can_cancel(status: &str) -> bool {
    matches!(
        status,
        "awaiting_payment"
            | "payment_submitted"
            | "to_pay_at_pickup"
            | "paid"
            | "packed"
            | "ready_for_pickup"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paid_delivery_order_goes_packed_then_shipped_then_delivered() {
        assert_eq!(next_steps("paid", "delivery")[0].0, "packed");
        assert_eq!(next_steps("packed", "delivery")[0].0, "shipped");
        assert_eq!(next_steps("shipped", "delivery")[0].0, "delivered");
        assert_eq!(next_steps("delivered", "delivery")[0].0, "returned");
        assert!(next_steps("returned", "delivery").is_empty());
    }

    #[test]
    fn a_pickup_order_is_made_ready_for_pickup_instead_of_shipped() {
        assert_eq!(next_steps("packed", "pickup")[0].0, "ready_for_pickup");
        assert!(can_cancel("ready_for_pickup"));
        assert!(!can_cancel("shipped"));
        assert!(!can_cancel("cancelled"));
    }
}
