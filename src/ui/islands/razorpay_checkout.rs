//! "Pay online" on an order page. Without JavaScript it is a link to the
//! order's Razorpay payment link (a hosted page that sends the customer
//! back here). In the browser it opens Razorpay Standard Checkout on this
//! page instead; Checkout's answer goes to `confirm_online_payment`, which
//! checks Razorpay's signature before the order is marked paid.

use leptos::prelude::*;

/// What Checkout is opened with; the strings are Razorpay's own option names.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CheckoutOptions {
    pub key: String,
    pub order_id: String,
    pub amount: i64,
    pub name: String,
    pub description: String,
    pub email: String,
    pub contact: String,
    /// Where Checkout's script is served from.
    pub script: String,
}

#[island]
pub fn RazorpayCheckout(
    /// `None` when the Razorpay order is not made yet: the link is all there is.
    options: Option<CheckoutOptions>,
    link_url: String,
    label: String,
    reference: String,
    link_key: String,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let open = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(options) = options.clone() {
            ev.prevent_default();
            busy.set(true);
            browser::open(options, reference.clone(), link_key.clone(), error, busy);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&ev, &options, &reference, &link_key);
    };
    view! {
        <a
            href=link_url
            data-testid="pay-online"
            aria-disabled=move || busy.get().then_some("true")
            class="inline-block rounded bg-teal-700 px-5 py-3 font-semibold text-white hover:bg-teal-800 aria-disabled:opacity-60"
            on:click=open
        >
            {label}
        </a>
        <p role="alert" class="mt-2 text-sm text-red-700">{move || error.get()}</p>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::CheckoutOptions;
    use crate::api::payments::confirm_online_payment;
    use js_sys::{Function, Object, Reflect};
    use leptos::prelude::*;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    const FAILED: &str = "Online payment could not start. Use the link again, or reload the page.";

    /// Loads Checkout's script once, then opens Checkout.
    pub fn open(
        options: CheckoutOptions,
        reference: String,
        link_key: String,
        error: RwSignal<Option<String>>,
        busy: RwSignal<bool>,
    ) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if Reflect::has(&window, &"Razorpay".into()).unwrap_or(false) {
            start(&options, reference, link_key, error, busy);
            return;
        }
        let Some(document) = window.document() else {
            return;
        };
        let Ok(script) = document.create_element("script") else {
            return;
        };
        let _ = script.set_attribute("src", &options.script);
        let onload = Closure::once_into_js(move || {
            start(&options, reference, link_key, error, busy);
        });
        let onerror = Closure::once_into_js(move || {
            busy.set(false);
            error.set(Some(FAILED.into()));
        });
        let _ = Reflect::set(&script, &"onload".into(), &onload);
        let _ = Reflect::set(&script, &"onerror".into(), &onerror);
        if let Some(head) = document.head() {
            let _ = head.append_child(&script);
        }
    }

    fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
        let _ = Reflect::set(object, &key.into(), &value.into());
    }

    fn start(
        options: &CheckoutOptions,
        reference: String,
        link_key: String,
        error: RwSignal<Option<String>>,
        busy: RwSignal<bool>,
    ) {
        let opened = (|| -> Result<(), JsValue> {
            let window = web_sys::window().ok_or(JsValue::NULL)?;
            let constructor: Function = Reflect::get(&window, &"Razorpay".into())?.dyn_into()?;
            let config = Object::new();
            set(&config, "key", options.key.as_str());
            set(&config, "order_id", options.order_id.as_str());
            set(&config, "amount", options.amount as f64);
            set(&config, "currency", "INR");
            set(&config, "name", options.name.as_str());
            set(&config, "description", options.description.as_str());
            let prefill = Object::new();
            set(&prefill, "email", options.email.as_str());
            set(&prefill, "contact", options.contact.as_str());
            set(&config, "prefill", prefill);
            let handler = Closure::<dyn FnMut(JsValue)>::new(move |answer: JsValue| {
                let field = |name: &str| {
                    Reflect::get(&answer, &name.into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default()
                };
                let (payment, order, signature) = (
                    field("razorpay_payment_id"),
                    field("razorpay_order_id"),
                    field("razorpay_signature"),
                );
                let (reference, link_key) = (reference.clone(), link_key.clone());
                leptos::task::spawn_local(async move {
                    match confirm_online_payment(reference, link_key, payment, order, signature)
                        .await
                    {
                        Ok(()) => {
                            if let Some(window) = web_sys::window() {
                                let _ = window.location().reload();
                            }
                        }
                        Err(e) => {
                            busy.set(false);
                            error.set(Some(
                                e.form_errors()
                                    .and_then(|f| f.message.clone())
                                    .unwrap_or_else(|| FAILED.into()),
                            ));
                        }
                    }
                });
            });
            set(&config, "handler", handler.into_js_value());
            let modal = Object::new();
            let dismissed = Closure::<dyn FnMut()>::new(move || busy.set(false));
            set(&modal, "ondismiss", dismissed.into_js_value());
            set(&config, "modal", modal);
            let checkout = Reflect::construct(&constructor, &js_sys::Array::of1(&config))?;
            let open: Function = Reflect::get(&checkout, &"open".into())?.dyn_into()?;
            open.call0(&checkout)?;
            Ok(())
        })();
        if opened.is_err() {
            busy.set(false);
            error.set(Some(FAILED.into()));
        }
    }
}
