//! Placing an order from the cart: contact details, pickup or delivery, and
//! UPI, online (Razorpay) or cash on pickup. The stock is taken in the same
//! transaction; placing is rate-limited per address and email, and one
//! customer may hold only a few unpaid orders at once.

// A server function's arguments are its form's fields, one each, so that the
// form posts plain names with or without JavaScript.
#![allow(clippy::too_many_arguments)]

use crate::domain::AppError;
use leptos::prelude::*;

pub const CART_EMPTY: &str = "Your cart is empty. Add something before checking out.";
pub const MAX_ADDRESS_CHARS: usize = 300;
pub const MAX_CITY_CHARS: usize = 60;
pub const ADDRESS_TOO_LONG: &str = "Keep the address under 300 characters.";
pub const CITY_TOO_LONG: &str = "Keep the city under 60 characters.";

pub const ANOTHER_ORDER_IN_PROGRESS: &str =
    "Another order for this email is being placed right now. Try again in a moment.";

/// Beside the email when its unpaid orders reach the shop's cap.
pub fn too_many_unpaid(count: i64) -> String {
    format!(
        "This email already has {count} unpaid orders. Pay for one (or wait until it expires) before placing another."
    )
}

/// Whether checkout offers "Pay online (Razorpay)".
#[server(prefix = "/api", endpoint = "online_payment_offered", input = leptos::server_fn::codec::GetUrl)]
pub async fn online_payment_offered() -> Result<bool, AppError> {
    Ok(crate::server::shop_settings::current()
        .await?
        .razorpay_enabled)
}

#[server(prefix = "/api", endpoint = "place_order")]
pub async fn place_order(
    name: String,
    email: String,
    mobile: String,
    fulfilment: String,
    address: String,
    city: String,
    state: String,
    pin: String,
    payment: String,
    #[server(default)] gstin: String,
) -> Result<(), AppError> {
    use crate::{
        db::{
            order_expiry,
            orders::{self, NewOrder, PlaceError},
            outbox::{self, OutgoingEmail},
        },
        domain::{parse_state, Email, FormErrors, Mobile, PersonName, PinCode},
        server::{
            auth::session_user,
            cart::current_cart,
            client_ip::client_ip,
            errors::OrInternal,
            mail::messages,
            order_access::{new_access_key, new_reference, order_link, remember_guest_order},
            state::app_state,
        },
    };
    let mut form = FormErrors::new(vec![
        ("name".into(), name.clone()),
        ("email".into(), email.clone()),
        ("mobile".into(), mobile.clone()),
        ("fulfilment".into(), fulfilment.clone()),
        ("address".into(), address.clone()),
        ("city".into(), city.clone()),
        ("state".into(), state.clone()),
        ("pin".into(), pin.clone()),
        ("payment".into(), payment.clone()),
        ("gstin".into(), gstin.clone()),
    ]);
    let name = form.check("name", PersonName::parse(&name));
    let gstin = form
        .check("gstin", crate::domain::Gstin::parse_optional(&gstin))
        .flatten();
    let email = form.check("email", Email::parse(&email));
    let mobile = form.check("mobile", Mobile::parse(&mobile));
    let delivery = fulfilment == "delivery";
    let (address, city, state, pin) = if delivery {
        let address = address.trim().to_string();
        if address.is_empty() {
            form.add("address", "Enter the house, street and area.");
        } else if address.chars().count() > MAX_ADDRESS_CHARS {
            form.add("address", ADDRESS_TOO_LONG);
        }
        let city = city.trim().to_string();
        if city.is_empty() {
            form.add("city", "Enter the city or town.");
        } else if city.chars().count() > MAX_CITY_CHARS {
            form.add("city", CITY_TOO_LONG);
        }
        let state = form.check("state", parse_state(&state));
        let pin = form.check("pin", PinCode::parse(&pin));
        (Some(address), Some(city), state, pin)
    } else {
        (None, None, None, None)
    };
    let shop = crate::server::shop_settings::current().await?;
    let offered = match payment.as_str() {
        "upi" | "cod" => true,
        "razorpay" => shop.razorpay_enabled,
        _ => false,
    };
    if !offered {
        form.add("payment", "Choose how you will pay.");
    }
    form.clone().into_result()?;
    let (Some(name), Some(email), Some(mobile)) = (name, email, mobile) else {
        return Err(AppError::Invalid(form));
    };

    let state_app = app_state();
    let Some(cart) = current_cart(false).await? else {
        form.message = Some(CART_EMPTY.into());
        return Err(AppError::Invalid(form));
    };
    let allowance = state_app
        .limiters
        .order_placed(client_ip().await?, &email.as_str().to_lowercase())
        .await?;
    if let Err(wait) = allowance {
        return Err(AppError::rate_limited(wait.message(), form.values.clone()));
    }
    let user = session_user().await?;
    let (access_key, access_key_hash) = new_access_key();
    // Every unpaid order holds stock until it expires: cash orders when not
    // collected in time, UPI and online ones when not paid in time.
    let expires = match payment.as_str() {
        "cod" => i64::from(shop.pickup_expiry_hours) * 3600,
        _ => i64::from(shop.upi_expiry_minutes) * 60,
    };
    // A new random reference now and then matches an existing one (seen in a
    // benchmark); the insert then fails as a whole and is tried again.
    let mut attempts = 0;
    let (reference, mut tx, placed) = loop {
        let reference = new_reference();
        let mut tx = state_app
            .pool
            .begin()
            .await
            .or_internal("starting a transaction")?;
        let unpaid = match order_expiry::lock_and_count_unpaid(
            &mut tx,
            email.as_str(),
            user.as_ref().map(|u| u.0.id),
        )
        .await
        {
            Ok(unpaid) => unpaid,
            // Another checkout for this email held the lock for seconds.
            Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("55P03") => {
                form.message = Some(ANOTHER_ORDER_IN_PROGRESS.into());
                return Err(AppError::Invalid(form));
            }
            Err(e) => return Err(crate::server::errors::internal("counting unpaid orders", e)),
        };
        if unpaid >= i64::from(shop.max_unpaid_orders) {
            form.add("email", too_many_unpaid(unpaid));
            return Err(AppError::Invalid(form));
        }
        let placed = orders::place(
            &mut tx,
            NewOrder {
                reference: &reference,
                user_id: user.as_ref().map(|u| u.0.id),
                payment_method: &payment,
                fulfilment: if delivery { "delivery" } else { "pickup" },
                customer_name: name.as_str(),
                email: email.as_str(),
                mobile: mobile.as_str(),
                address: address.as_deref(),
                city: city.as_deref(),
                state,
                pin: pin.as_ref().map(PinCode::as_str),
                gstin: gstin.as_ref().map(|g| g.as_str()),
                expires_in_secs: Some(expires),
                access_key_hash: &access_key_hash,
            },
            cart,
        )
        .await;
        attempts += 1;
        let taken = matches!(&placed, Err(PlaceError::Database(e))
            if crate::server::errors::unique_violation(e) == Some("orders_reference_key"));
        if !taken || attempts == 3 {
            break (reference, tx, placed);
        }
    };
    let total = match placed {
        Ok(total) if total.0 > 0 => total,
        Ok(_) => {
            form.message = Some(CART_EMPTY.into());
            return Err(AppError::Invalid(form));
        }
        Err(PlaceError::OutOfStock(product, left)) => {
            form.message = Some(match left {
                0 => format!("Sorry, {product} sold out while you were checking out. Remove it from your cart to continue."),
                n => format!("Sorry, only {n} of {product} are left. Lower the quantity in your cart to continue."),
            });
            return Err(AppError::Invalid(form));
        }
        Err(PlaceError::Database(e)) => {
            return Err(crate::server::errors::internal("placing an order", e))
        }
    };
    let how = match payment.as_str() {
        "upi" => messages::PAY_BY_UPI,
        "razorpay" => messages::PAY_ONLINE,
        _ => messages::PAY_AT_PICKUP,
    };
    let order_path = order_link(&reference, &access_key);
    let link = state_app.config.link(&order_path);
    let mail = messages::order_placed(name.as_str(), &reference, &total.to_string(), how, &link);
    outbox::enqueue(
        &mut *tx,
        OutgoingEmail {
            to: email.as_str(),
            subject: &mail.subject,
            body_text: &mail.body_text,
        },
    )
    .await
    .or_internal("queueing the confirmation")?;
    if let Some(code) = use_context::<http::request::Parts>()
        .and_then(|parts| crate::server::referral::remembered(&parts.headers))
    {
        crate::db::partners::attribute_order(&mut *tx, &reference, &code)
            .await
            .or_internal("crediting the referring partner")?;
    }
    tx.commit().await.or_internal("committing the order")?;
    // From here the order exists: the reply must lead to it whatever else
    // fails. The link's key opens it even if the session is not saved.
    if user.is_none() {
        if let Err(e) = remember_guest_order(&reference).await {
            tracing::warn!("order {reference} placed but not remembered in the session: {e}");
        }
    }
    if payment == "razorpay" {
        crate::server::razorpay::prepare::for_new_order(&state_app, &reference).await;
    }
    leptos_axum::redirect(&order_path);
    Ok(())
}
