//! The text of every email Haat sends, in one place for translation.

#[derive(Clone)]
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

pub const PAY_ONLINE: &str =
    "Please pay online (UPI, card or netbanking) from the order page; we confirm it at once.";

pub fn order_expired(name: &str, reference: &str, total: &str, why: &str) -> Composed {
    Composed {
        subject: format!("Your Haat order {reference} was cancelled"),
        body_text: format!(
            "Namaste {name},\n\nYour order {reference} of {total} {why}, so it was cancelled and \
             its items went back on the shelf. Nothing more is due.\n\n\
             If you still want them, please place a new order.\n"
        ),
    }
}

/// Why an order in status `from` expired, to follow "Your order … ".
pub fn why_expired(from: &str) -> &'static str {
    match from {
        "payment_submitted" => "waited too long for its UPI payment to arrive in our account",
        "to_pay_at_pickup" => "was not collected in time",
        _ => "was not paid in time",
    }
}

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

pub fn application_received(name: &str, kind: &str) -> Composed {
    Composed {
        subject: "We received your partner application".into(),
        body_text: format!(
            "Namaste {name},\n\nThank you for applying to the partner programme ({kind}). We review \
             applications within two working days and will write to you at this address with our \
             decision.\n"
        ),
    }
}

pub fn application_to_admins(name: &str, kind: &str, city: &str, review_link: &str) -> Composed {
    Composed {
        subject: format!("New partner application: {name}"),
        body_text: format!(
            "{name} from {city} applied to the partner programme ({kind}).\n\nReview it here: \
             {review_link}\n"
        ),
    }
}

/// `account_link` opens the account: a link to choose a password for a new
/// account (`new_account`), or the login page for an existing one.
pub fn application_approved(
    name: &str,
    referral_code: &str,
    rate: &str,
    account_link: &str,
    new_account: bool,
) -> Composed {
    let next_step = if new_account {
        "This link takes you to a page where you choose the password of your partner account \
         (it works once, for 72 hours). Then log in with your email and that password to open \
         your partner dashboard:"
    } else {
        "Log in with your usual password to open your partner dashboard:"
    };
    Composed {
        subject: "Welcome to the partner programme".into(),
        body_text: format!(
            "Namaste {name},\n\nYour partner application is approved. Your referral code is \
             {referral_code}, and you earn {rate} of the value (before GST) of every order placed \
             through your link once it is delivered.\n\n{next_step}\n{account_link}\n"
        ),
    }
}

pub fn application_rejected(name: &str, reason: &str) -> Composed {
    Composed {
        subject: "Your partner application".into(),
        body_text: format!(
            "Namaste {name},\n\nThank you for applying to our partner programme. We cannot accept \
             your application at present, for this reason:\n\n{reason}\n\nYou are welcome to apply \
             again when this has changed.\n"
        ),
    }
}

pub fn payout_paid(
    name: &str,
    month: &str,
    amount: &str,
    utr: &str,
    dashboard_link: &str,
) -> Composed {
    Composed {
        subject: format!("Your partner payout for {month}: {amount}"),
        body_text: format!(
            "Namaste {name},\n\nWe have paid your commissions for {month}: {amount}, bank reference \
             (UTR) {utr}.\n\nThe orders it covers are in your dashboard:\n{dashboard_link}\n"
        ),
    }
}

pub fn lead_assigned(name: &str, lead: &str, lead_link: &str) -> Composed {
    Composed {
        subject: format!("New lead for you: {lead}"),
        body_text: format!(
            "Namaste {name},\n\nThe lead {lead} has been assigned to you. Its details and \
             timeline are here:\n{lead_link}\n"
        ),
    }
}

/// `day` is the consultation's day, for a booking.
pub fn enquiry_received(name: &str, day: Option<&str>) -> Composed {
    match day {
        Some(day) => Composed {
            subject: "Your consultation is booked".into(),
            body_text: format!(
                "Namaste {name},\n\nThank you for booking a consultation for {day}. We will call \
                 you before then to agree a time.\n"
            ),
        },
        None => Composed {
            subject: "We received your message".into(),
            body_text: format!(
                "Namaste {name},\n\nThank you for writing to us. We answer every message within \
                 one working day.\n"
            ),
        },
    }
}

pub fn enquiry_to_staff(name: &str, day: Option<&str>, lead_link: &str) -> Composed {
    let what = match day {
        Some(day) => format!("booked a consultation for {day}"),
        None => "sent a message".to_string(),
    };
    Composed {
        subject: format!("New enquiry: {name}"),
        body_text: format!("{name} {what}. The lead is here:\n{lead_link}\n"),
    }
}

/// For an account opened on someone's behalf (a won lead).
pub fn account_opened(name: &str, password_link: &str) -> Composed {
    Composed {
        subject: "Your Haat account is ready".into(),
        body_text: format!(
            "Namaste {name},\n\nThank you for choosing us. We have opened an account for you, \
             where you can order and follow your orders. Choose your password here (the link \
             works once, for three days):\n{password_link}\n"
        ),
    }
}
