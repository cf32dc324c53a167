//! Demo content: the pages a shop's website needs (About, Contact, Shipping
//! and returns, Privacy, Terms, FAQ), the footer menu, and the business's
//! details. Pages and links are added only when absent.

use super::DemoError;
use crate::{
    db::{menus, pages},
    domain::PageFields,
};
use sqlx::PgPool;

const PAGES: [(&str, &str, &str, &str); 6] = [
    (
        "about",
        "About us",
        "Who we are: a neighbourhood store serving Pune since 1998.",
        "## A neighbourhood store, online\n\nHaat Demo Store has served Kothrud since 1998. \
         We stock the groceries, household and personal-care essentials families use every week, \
         at the prices printed on the pack or less.\n\n- Fresh stock every morning\n- Pay by UPI or cash at pickup\n\
         - Free pickup from the shop, delivery across Pune\n",
    ),
    (
        "contact",
        "Contact us",
        "Call, write or visit Haat Demo Store in Kothrud, Pune.",
        "## Visit or call\n\n**Haat Demo Store**, 14 Paud Road, Kothrud, Pune 411038\n\n\
         Phone: 98765 00000 (9 am to 9 pm, every day)\n\nEmail: [hello@demo.haat.local](mailto:hello@demo.haat.local)\n",
    ),
    (
        "shipping-and-returns",
        "Shipping and returns",
        "Pickup, delivery across Pune, and returns within 7 days.",
        "## Pickup and delivery\n\nOrders are packed within two hours. Pick them up from the shop, \
         or have them delivered across Pune the same or next day.\n\n## Returns\n\nUnopened products \
         can be returned within **7 days** with the order reference. Refunds go back by UPI within \
         three working days.\n",
    ),
    (
        "privacy",
        "Privacy policy",
        "What we keep about you, why, and how to have it removed.",
        "## What we keep\n\nYour name, email, mobile number and address, to deliver your orders and \
         tell you about them. We never sell them.\n\n## Your rights\n\nWrite to us to see, correct or \
         delete your details.\n",
    ),
    (
        "terms",
        "Terms of sale",
        "Prices, payment, cancellations and the law that applies.",
        "## Prices\n\nAll prices are in rupees and include GST.\n\n## Payment\n\nUPI orders are held for \
         30 minutes while you pay. Cash orders are paid at pickup.\n\n## Law\n\nThese terms are governed \
         by the laws of India; courts in Pune have jurisdiction.\n",
    ),
    (
        "faq",
        "Frequently asked questions",
        "Answers about ordering, paying by UPI, pickup and delivery.",
        "## How do I pay by UPI?\n\nAfter placing the order, scan the QR code or tap the UPI link, then \
         enter the 12-digit UTR from your UPI app so we can match your payment.\n\n## Can I change my order?\n\n\
         Call us before it is packed and we will change it.\n",
    ),
];

pub async fn load(pool: &PgPool) -> Result<(), DemoError> {
    let mut tx = pool.begin().await?;
    for (slug, title, description, body) in PAGES {
        pages::insert_if_new(
            &mut tx,
            &PageFields {
                slug: slug.into(),
                title: title.into(),
                body: body.into(),
                seo_title: String::new(),
                seo_description: description.into(),
                published: true,
            },
        )
        .await?;
    }
    if menus::count(&mut *tx).await? == 0 {
        // Every header link leads to a page with products on it.
        for (label, href) in [
            ("Staples", "/c/staples"),
            ("Snacks", "/c/snacks"),
            ("Personal care", "/c/personal-care"),
            ("Health", "/c/health"),
        ] {
            menus::add(&mut *tx, "header", label, href).await?;
        }
        for (slug, title, _, _) in PAGES {
            menus::add(&mut *tx, "footer", title, &format!("/{slug}")).await?;
        }
        menus::add(
            &mut *tx,
            "footer",
            "Book a consultation",
            "/book-a-consultation",
        )
        .await?;
        menus::add(&mut *tx, "footer", "Partner programme", "/partners").await?;
    }
    sqlx::query!(
        "UPDATE settings SET business_name = 'Haat Demo Store',
                address = '14 Paud Road, Kothrud, Pune 411038', state = 'Maharashtra',
                gstin = '27AAPFU0939F1ZV', contact_phone = '9876500000',
                contact_email = 'hello@demo.haat.local'
         WHERE address = '' AND gstin IS NULL"
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
