//! The text of every email Haat sends, in one place for translation.

pub struct Composed {
    pub subject: String,
    pub body_text: String,
}

pub fn welcome(name: &str, account_link: &str) -> Composed {
    Composed {
        subject: "Welcome to Haat".into(),
        body_text: format!(
            "Namaste {name},\n\nYour account is ready. You can see your orders and details at:\n{account_link}\n\nThank you for joining us.\n"
        ),
    }
}

pub fn password_reset(name: &str, reset_link: &str) -> Composed {
    Composed {
        subject: "Reset your Haat password".into(),
        body_text: format!(
            "Namaste {name},\n\nSomeone (we hope you) asked to reset the password of your Haat account.\n\
             Open this link within one hour to choose a new password; it works once:\n{reset_link}\n\n\
             If you did not ask for this, ignore this email: your password stays as it is.\n"
        ),
    }
}

pub fn password_changed(name: &str) -> Composed {
    Composed {
        subject: "Your Haat password was changed".into(),
        body_text: format!(
            "Namaste {name},\n\nThe password of your Haat account was just changed, and every other \
             signed-in device was signed out.\nIf this was not you, reset your password at once from the login page.\n"
        ),
    }
}

pub fn order_placed(
    name: &str,
    reference: &str,
    total: &str,
    how_to_pay: &str,
    order_link: &str,
) -> Composed {
    Composed {
        subject: format!("Your Haat order {reference}"),
        body_text: format!(
            "Namaste {name},\n\nThank you for your order {reference} of {total}.\n{how_to_pay}\n\n\
             Follow it here: {order_link}\n"
        ),
    }
}

pub const PAY_BY_UPI: &str =
    "Please pay by UPI from the order page, then enter the 12-digit UTR there.";
pub const PAY_AT_PICKUP: &str = "Please pay when you pick up your order at the shop.";

pub fn back_in_stock(product: &str, link: &str) -> Composed {
    Composed {
        subject: format!("{product} is back in stock"),
        body_text: format!(
            "Namaste,\n\n{product}, which you asked us about, is back in stock:\n{link}\n\n\
             Stock is limited; this is the only email we send about it.\n"
        ),
    }
}

pub fn low_stock(product: &str, sku: &str, stock: i32, edit_link: &str) -> Composed {
    Composed {
        subject: format!("Low stock: {product}"),
        body_text: format!(
            "{product} ({sku}) is down to {stock} in stock, at or below its low-stock level.\n\n\
             Adjust stock or reorder here: {edit_link}\n"
        ),
    }
}

pub fn order_status(name: &str, reference: &str, status: &str, order_link: &str) -> Composed {
    Composed {
        subject: format!("Your Haat order {reference}: {status}"),
        body_text: format!(
            "Namaste {name},\n\nYour order {reference} is now: {status}.\n\nFollow it here: {order_link}\n"
        ),
    }
}
