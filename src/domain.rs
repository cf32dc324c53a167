//! Types shared by the server and the browser: no I/O, checked on construction.

mod cart;
mod checkout_fields;
mod email;
mod error;
mod gst;
mod listing;
mod mobile;
mod money;
mod order;
mod password;
mod person_name;
mod product;
mod role;
mod site;
mod slug;
mod upi;
mod user;

pub use cart::{Cart, CartLine, MAX_LINE_QUANTITY};
pub use checkout_fields::{parse_state, PinCode, Utr, STATES};
pub use email::Email;
pub use error::{AppError, FormErrors, FormValues};
pub use gst::included_gst;
pub use listing::{encode, Listing, Sort, PAGE_SIZE};
pub use mobile::Mobile;
pub use money::Paise;
pub use order::{status_label, OrderEvent, OrderLine, OrderView};
pub use password::{NewPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
pub use person_name::PersonName;
pub use product::{CategorySummary, ProductCard, ProductDetail, ProductImage, StockLevel};
pub use role::{Role, StaffRole};
pub use site::{absolute_url, SiteOrigin};
pub use slug::slugify;
pub use upi::intent_url;
pub use user::SignedInUser;
