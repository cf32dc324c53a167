//! The cart: see it, add to it, change a quantity, remove a line. Open to
//! guests and customers alike; each works only on the caller's own cart.

use crate::domain::{AppError, Cart};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "load_cart")]
pub async fn load_cart() -> Result<Cart, AppError> {
    use crate::{
        db::carts,
        server::{cart::current_cart, errors::OrInternal, state::app_state},
    };
    let Some(cart) = current_cart(false).await? else {
        return Ok(Cart::default());
    };
    let lines = carts::lines(&app_state().pool, cart)
        .await
        .or_internal("reading the cart")?;
    Ok(Cart { lines })
}

pub const QUANTITY_INVALID: &str = "Enter a quantity from 1 to 100.";
pub const PRODUCT_UNAVAILABLE: &str = "This product is no longer sold.";

/// Adds `quantity` units (as typed) of a product, refusing more than is in stock.
#[server(prefix = "/api", endpoint = "add_to_cart")]
pub async fn add_to_cart(product_id: i32, quantity: String) -> Result<(), AppError> {
    let wanted = parse_quantity(&quantity, vec![("quantity".into(), quantity.clone())])?;
    change_line(product_id, LineChange::Add(wanted), quantity).await?;
    leptos_axum::redirect("/cart");
    Ok(())
}

/// Sets a line's quantity (as typed), refusing more than is in stock.
#[server(prefix = "/api", endpoint = "update_cart_line")]
pub async fn update_cart_line(product_id: i32, quantity: String) -> Result<(), AppError> {
    let typed = vec![
        ("quantity".into(), quantity.clone()),
        ("product_id".into(), product_id.to_string()),
    ];
    let wanted = parse_quantity(&quantity, typed)?;
    change_line(product_id, LineChange::Set(wanted), quantity).await
}

#[server(prefix = "/api", endpoint = "remove_from_cart")]
pub async fn remove_from_cart(product_id: i32) -> Result<(), AppError> {
    use crate::{
        db::carts,
        server::{cart::current_cart, errors::OrInternal, state::app_state},
    };
    if let Some(cart) = current_cart(false).await? {
        carts::remove(&app_state().pool, cart, product_id)
            .await
            .or_internal("removing a line")?;
    }
    Ok(())
}

#[cfg(feature = "ssr")]
fn parse_quantity(text: &str, values: crate::domain::FormValues) -> Result<i32, AppError> {
    use crate::domain::{FormErrors, MAX_LINE_QUANTITY};
    match text.trim().parse::<i32>() {
        Ok(n) if (1..=MAX_LINE_QUANTITY).contains(&n) => Ok(n),
        _ => {
            let mut form = FormErrors::new(values);
            form.add("quantity", QUANTITY_INVALID);
            Err(AppError::Invalid(form))
        }
    }
}

#[cfg(feature = "ssr")]
enum LineChange {
    Add(i32),
    Set(i32),
}

#[cfg(feature = "ssr")]
async fn change_line(product_id: i32, change: LineChange, typed: String) -> Result<(), AppError> {
    use crate::{
        db::carts,
        domain::{FormErrors, MAX_LINE_QUANTITY},
        server::{cart::current_cart, errors::OrInternal, state::app_state},
    };
    let pool = &app_state().pool;
    let cart = current_cart(true).await?;
    let mut form = FormErrors::new(vec![
        ("quantity".into(), typed),
        ("product_id".into(), product_id.to_string()),
    ]);
    let Some((stock, in_cart)) = carts::stock_and_quantity(pool, cart, product_id)
        .await
        .or_internal("checking stock")?
    else {
        form.message = Some(PRODUCT_UNAVAILABLE.into());
        return Err(AppError::Invalid(form));
    };
    // What is already in the cart matters only when adding to it.
    let (total, already) = match change {
        LineChange::Add(n) => (in_cart + n, in_cart),
        LineChange::Set(n) => (n, 0),
    };
    if total > stock {
        let message = match (stock, already) {
            (0, _) => "Sorry, this is out of stock.".to_string(),
            (s, 0) => format!("Only {s} in stock."),
            (s, c) => format!("Only {s} in stock, and {c} already in your cart."),
        };
        form.add("quantity", message);
        return Err(AppError::Invalid(form));
    }
    if total > MAX_LINE_QUANTITY {
        form.add("quantity", QUANTITY_INVALID);
        return Err(AppError::Invalid(form));
    }
    if let Some(cart) = cart {
        carts::set_quantity(pool, cart, product_id, total)
            .await
            .or_internal("saving the cart")?;
    }
    Ok(())
}
