//! Types shared by the server and the browser: no I/O, checked on construction.

mod admin;
mod audit_changes;
mod batch;
mod cart;
mod checkout_fields;
mod commission;
mod email;
mod error;
mod gst;
mod gstin;
mod invoice;
mod lead;
mod listing;
mod mobile;
mod money;
mod online_payment;
mod order;
mod pan;
mod partner;
mod partner_dashboard;
mod password;
mod person_name;
mod product;
mod role;
mod rupees;
mod site;
mod slug;
mod upi;
mod upi_id;
mod user;

pub use admin::*;
pub use audit_changes::{field_changes, FieldChange};
pub use batch::{
    parse_batch_no, BatchProductChoice, BatchView, Date, ExpiringBatch, ExpiryState,
    ReceiptLineInput, ReceiptSummary, StockAlertCounts, BATCH_ADJUSTMENT_REASONS,
};
pub use cart::{Cart, CartLine, MAX_LINE_QUANTITY};
pub use checkout_fields::{parse_state, state_code, PinCode, Utr, STATES};
pub use commission::{
    parse_month, parse_rate, parse_transfer_utr, rate_label, ProgrammeTerms, StatementView,
};
pub use email::Email;
pub use error::{AppError, FormErrors, FormValues};
pub use gst::included_gst;
pub use gstin::Gstin;
pub use invoice::{InvoiceLine, InvoiceView};
pub use lead::{
    parse_date, Assignee, CrmBoard, LeadCard, LeadDetail, LeadEvent, LeadForm, LeadStage,
    NewLeadDetails,
};
pub use listing::{encode, Listing, MatchCount, Sort, COUNTED_AHEAD, PAGE_SIZE};
pub use mobile::Mobile;
pub use money::Paise;
pub use online_payment::{
    refund_status_label, AdminOnlinePayment, PayOnline, PaymentFlagLine, RazorpaySetup, RefundLine,
};
pub use order::{payment_label, status_label, OrderEvent, OrderLine, OrderView};
pub use pan::Pan;
pub use partner::{
    AdminPartner, Application, ApplicationForm, ApplicationView, BusinessDetails, PartnerKind,
};
pub use partner_dashboard::{
    mask_name, DocumentView, PartnerDashboard, PartnerProfile, ReferredOrder, DOCUMENT_KINDS,
};
pub use password::{NewPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
pub use person_name::PersonName;
pub use product::{
    image_url, CategorySummary, ProductCard, ProductDetail, ProductImage, StockLevel,
};
pub use role::{Role, StaffRole};
pub use rupees::parse_rupees;
pub use site::{absolute_url, SiteOrigin};
pub use slug::slugify;
pub use upi::intent_url;
pub use upi_id::UpiId;
pub use user::SignedInUser;
