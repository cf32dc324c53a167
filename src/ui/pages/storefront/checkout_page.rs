//! `/checkout`: contact details, pickup or delivery, and how to pay.

use crate::{
    api::{
        cart::load_cart,
        checkout::{online_payment_offered, PlaceOrder},
    },
    domain::{SignedInUser, STATES},
    ui::components::{
        current_user::use_current_user,
        form::{last_error, Field, FormAlert, SubmitButton},
        page_header::PageHeader,
    },
};
use leptos::prelude::*;

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let cart = Resource::new(|| (), |_| load_cart());
    let online = Resource::new(|| (), |_| online_payment_offered());
    let user = use_current_user();
    view! {
        <PageHeader title="Checkout" description="Place your order: pick up at the shop or get it delivered, and pay by UPI or cash." />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let cart = cart.await.unwrap_or_default();
                let user = user.await;
                let online = online.await.unwrap_or(false);
                if cart.lines.is_empty() {
                    view! {
                        <p class="mb-4" data-testid="empty-cart">"Your cart is empty."</p>
                        <a href="/" class="text-teal-800 underline">"Continue shopping"</a>
                    }
                    .into_any()
                } else {
                    let summary = format!(
                        "{}, {} including GST",
                        crate::ui::components::counts::items(i64::from(cart.item_count())),
                        cart.total()
                    );
                    view! {
                        <p class="mb-4 text-stone-700" data-testid="checkout-summary">{summary}</p>
                        <CheckoutForm user online />
                    }
                    .into_any()
                }
            })}
        </Suspense>
    }
}

const RADIO: &str = "flex items-center gap-2 rounded border border-stone-300 bg-white px-3 py-2";

#[component]
fn CheckoutForm(user: Option<SignedInUser>, online: bool) -> impl IntoView {
    let action = ServerAction::<PlaceOrder>::new();
    let error = last_error(action);
    let typed = move |name: &str| {
        error.get_untracked().and_then(|e| {
            e.form_errors()
                .and_then(|f| f.value(name).map(str::to_owned))
        })
    };
    let fulfilment = typed("fulfilment").unwrap_or_else(|| "pickup".into());
    let payment = typed("payment").unwrap_or_else(|| "upi".into());
    let chosen_state = typed("state").unwrap_or_default();
    let state_error = move || {
        error.get().and_then(|e| {
            e.form_errors()
                .and_then(|f| f.field("state").map(str::to_owned))
        })
    };
    let (name, email, mobile) = match &user {
        Some(u) => (
            u.name.clone(),
            u.email.clone(),
            u.mobile.clone().unwrap_or_default(),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    view! {
        <FormAlert error />
        <ActionForm action attr:novalidate=true attr:class="grid gap-6 md:grid-cols-2">
            <fieldset class="rounded-lg border border-stone-200 bg-white p-5">
                <legend class="px-1 text-lg font-semibold">"Your details"</legend>
                <Field label="Name" name="name" autocomplete="name" required=true initial=name error />
                <Field label="Email" name="email" input_type="email" autocomplete="email" required=true initial=email error />
                <Field label="Mobile number" name="mobile" input_type="tel" autocomplete="tel-national" required=true initial=mobile hint="For updates about your order." error />
                <Field label="GSTIN (optional)" name="gstin" hint="A business buying for its work: the tax invoice will carry it." error />
            </fieldset>
            <fieldset class="rounded-lg border border-stone-200 bg-white p-5">
                <legend class="px-1 text-lg font-semibold">"Pickup or delivery"</legend>
                <div class="mb-4 grid gap-2">
                    <label class=RADIO><input type="radio" name="fulfilment" value="pickup" checked=fulfilment == "pickup" />"Pick up at the shop"</label>
                    <label class=RADIO><input type="radio" name="fulfilment" value="delivery" checked=fulfilment == "delivery" />"Deliver to my address"</label>
                </div>
                <p class="mb-3 text-sm text-stone-600">"For delivery, tell us where:"</p>
                <Field label="House, street and area" name="address" autocomplete="street-address" error />
                <Field label="City or town" name="city" autocomplete="address-level2" error />
                <div class="mb-4">
                    <label for="state" class="mb-1 block font-medium">"State"</label>
                    <select id="state" name="state" class="w-full rounded border border-stone-300 bg-white px-3 py-2" aria-describedby=move || state_error().is_some().then_some("state-error")>
                        <option value="" selected=chosen_state.is_empty()>"Choose…"</option>
                        {STATES.iter().map(|(_, state)| view! { <option value=*state selected=*state == chosen_state>{*state}</option> }).collect_view()}
                    </select>
                    {move || state_error().map(|m| view! { <p id="state-error" class="mt-1 text-sm text-red-700">{m}</p> })}
                </div>
                <Field label="PIN code" name="pin" input_type="text" autocomplete="postal-code" error />
            </fieldset>
            <fieldset class="rounded-lg border border-stone-200 bg-white p-5 md:col-span-2">
                <legend class="px-1 text-lg font-semibold">"Payment"</legend>
                <div class="mb-4 grid gap-2 sm:grid-cols-2">
                    <label class=RADIO><input type="radio" name="payment" value="upi" checked=payment == "upi" />"UPI (any UPI app)"</label>
                    {online.then(|| view! {
                        <label class=RADIO><input type="radio" name="payment" value="razorpay" checked=payment == "razorpay" />"Pay online: UPI, card or netbanking (Razorpay)"</label>
                    })}
                    <label class=RADIO><input type="radio" name="payment" value="cod" checked=payment == "cod" />"Cash at pickup"</label>
                </div>
                <SubmitButton label="Place order" pending=action.pending().into() />
            </fieldset>
        </ActionForm>
    }
}
