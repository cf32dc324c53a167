//! Quantity and "Add to cart" on a product page. The form posts to the
//! `add_to_cart` server function with or without JavaScript; in the browser
//! the button follows live stock, so a product that sells out while the page
//! is open can no longer be added.

use crate::{api::cart::AddToCart as AddToCartFn, ui::islands::live_stock::live_stock};
use leptos::{prelude::*, server_fn::ServerFn};

/// A refused post's message beside the quantity (`quantity_error`) or about
/// the form (`form_error`), and the quantity that was typed.
#[island]
pub fn AddToCart(
    product_id: i32,
    max_quantity: i32,
    stock: i32,
    typed: String,
    quantity_error: Option<String>,
    form_error: Option<String>,
) -> impl IntoView {
    let stock = live_stock(product_id, stock);
    let unavailable = move || stock.get() <= 0;
    let invalid = quantity_error.is_some();
    view! {
        <form method="post" action=AddToCartFn::url() novalidate class="mt-4">
            <input type="hidden" name="product_id" value=product_id />
            <div class="flex items-end gap-3">
                <div>
                    <label for="quantity" class="mb-1 block text-sm font-medium">"Quantity"</label>
                    <input
                        id="quantity"
                        name="quantity"
                        type="number"
                        min="1"
                        max=max_quantity
                        value=typed
                        inputmode="numeric"
                        aria-invalid=invalid.then_some("true")
                        aria-describedby=invalid.then_some("quantity-error")
                        class="w-20 rounded border border-stone-300 px-2 py-2 aria-[invalid=true]:border-red-600"
                        disabled=unavailable
                    />
                </div>
                <button
                    type="submit"
                    disabled=unavailable
                    class="rounded bg-teal-700 px-5 py-2 font-semibold text-white hover:bg-teal-800 disabled:cursor-not-allowed disabled:bg-stone-400"
                >
                    "Add to cart"
                </button>
            </div>
            {quantity_error.map(|m| view! { <p id="quantity-error" class="mt-1 text-sm text-red-700">{m}</p> })}
            {form_error.map(|m| view! { <p role="alert" class="mt-1 text-sm text-red-700">{m}</p> })}
        </form>
    }
}
