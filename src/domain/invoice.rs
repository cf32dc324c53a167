//! A GST tax invoice as issued (CGST Rules, rule 46): what the invoice page
//! shows. Invoices are issued by the database when an order is paid or
//! collected and never change afterwards.

use super::Paise;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceView {
    /// e.g. `INV/26-27/000123`.
    pub number: String,
    /// e.g. `04 Dec 2026`.
    pub issued_on: String,
    pub order_reference: String,
    pub supplier_name: String,
    pub supplier_address: String,
    pub supplier_gstin: Option<String>,
    pub supplier_state: String,
    pub supplier_state_code: Option<String>,
    pub recipient_name: String,
    pub recipient_address: String,
    pub recipient_gstin: Option<String>,
    pub place_of_supply: String,
    pub place_of_supply_code: Option<String>,
    /// IGST (across States) rather than CGST + SGST.
    pub inter_state: bool,
    pub lines: Vec<InvoiceLine>,
    pub taxable: Paise,
    pub cgst: Paise,
    pub sgst: Paise,
    pub igst: Paise,
    pub total: Paise,
    pub round_off: Paise,
    pub payable: Paise,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceLine {
    pub line_no: i32,
    pub description: String,
    pub hsn: String,
    pub quantity: i32,
    pub unit: String,
    pub rate: i16,
    pub unit_price: Paise,
    pub taxable: Paise,
    pub cgst: Paise,
    pub sgst: Paise,
    pub igst: Paise,
}

impl InvoiceView {
    /// A State named with its GST code, as the invoice prints it.
    pub fn state_with_code(name: &str, code: Option<&str>) -> String {
        match code {
            Some(code) if !name.is_empty() => format!("{name} ({code})"),
            Some(code) => code.to_string(),
            None => name.to_string(),
        }
    }
}
