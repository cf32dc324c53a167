//! GST tax invoices: the customer's (through the order's link or account)
//! and any order's for staff and admins.

use crate::domain::{AppError, InvoiceView};
use leptos::prelude::*;

/// The invoice of order `reference`; 404 when there is none yet or the
/// caller may not see the order.
#[server(prefix = "/api", endpoint = "load_invoice")]
pub async fn load_invoice(
    reference: String,
    #[server(default)] key: String,
) -> Result<InvoiceView, AppError> {
    use crate::{
        db::{invoices, orders},
        domain::Role,
        server::{
            auth::session_user,
            errors::{not_found, OrInternal},
            order_access::viewable_order,
            state::app_state,
        },
    };
    let pool = &app_state().pool;
    let staff = session_user()
        .await?
        .is_some_and(|u| matches!(u.0.role(), Role::Staff | Role::Admin));
    let order = if staff {
        orders::by_reference(pool, &reference)
            .await
            .or_internal("finding an order")?
            .ok_or_else(not_found)?
    } else {
        viewable_order(&reference, &key).await?
    };
    invoices::for_order(pool, order.id)
        .await
        .or_internal("reading the invoice")?
        .ok_or_else(not_found)
}
