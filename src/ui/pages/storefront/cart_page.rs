//! `/cart`: the lines, their quantities, GST included per rate and the total.
//! Every change is a small form, so the cart works without JavaScript.

use crate::{
    api::cart::{load_cart, RemoveFromCart, UpdateCartLine},
    domain::{AppError, Cart, CartLine},
    ui::{
        components::{access::Refused, form::last_error, page_header::PageHeader},
        islands::stock_badge::StockBadge,
    },
};
use leptos::prelude::*;

#[component]
pub fn CartPage() -> impl IntoView {
    let update = ServerAction::<UpdateCartLine>::new();
    let remove = ServerAction::<RemoveFromCart>::new();
    let cart = Resource::new(
        move || (update.version().get(), remove.version().get()),
        |_| load_cart(),
    );
    let error = last_error(update);
    view! {
        <PageHeader title="Your cart" description="The products in your cart, with GST included." />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match cart.await {
                    Ok(cart) if cart.lines.is_empty() => view! {
                        <p class="mb-4" data-testid="empty-cart">"Your cart is empty."</p>
                        <a href="/" class="text-teal-800 underline">"Continue shopping"</a>
                    }
                    .into_any(),
                    Ok(cart) => view! { <CartTable cart update remove error /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/cart" /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CartTable(
    cart: Cart,
    update: ServerAction<UpdateCartLine>,
    remove: ServerAction<RemoveFromCart>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let total = cart.total();
    let gst = cart.gst_by_rate();
    let count = cart.item_count();
    view! {
        <ul class="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Cart lines">
            {cart.lines.into_iter().map(|line| view! { <Line line update remove error /> }).collect_view()}
        </ul>
        <section aria-labelledby="summary-heading" class="mt-6 ml-auto max-w-sm rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="summary-heading" class="mb-2 text-lg font-semibold">"Summary"</h2>
            <dl class="grid grid-cols-[1fr_auto] gap-y-1">
                <dt>{format!("Items ({count})")}</dt>
                <dd data-testid="cart-total">{total.to_string()}</dd>
                {gst.into_iter().map(|(rate, amount)| view! {
                    <dt class="text-sm text-stone-600">{format!("Includes GST at {rate}%")}</dt>
                    <dd class="text-sm text-stone-600">{amount.to_string()}</dd>
                }).collect_view()}
                <dt class="mt-2 border-t pt-2 font-bold">"Total"</dt>
                <dd class="mt-2 border-t pt-2 font-bold">{total.to_string()}</dd>
            </dl>
            <a href="/checkout" class="mt-4 block rounded bg-teal-700 px-4 py-2 text-center font-semibold text-white hover:bg-teal-800">
                "Proceed to checkout"
            </a>
        </section>
    }
}

#[component]
fn Line(
    line: CartLine,
    update: ServerAction<UpdateCartLine>,
    remove: ServerAction<RemoveFromCart>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = line.product.id;
    let input_id = format!("quantity-{id}");
    let error_id = format!("quantity-{id}-error");
    // A refusal carries the product it was about, so it shows beside that line only.
    let own_id = id.to_string();
    let message = Signal::derive(move || {
        error.get().and_then(|e| {
            e.form_errors()
                .filter(|f| f.value("product_id") == Some(own_id.as_str()))
                .and_then(|f| f.field("quantity").map(str::to_owned))
        })
    });
    let total = line.total();
    view! {
        <li class="flex flex-wrap items-center gap-4 p-4" data-testid="cart-line">
            <img src=crate::domain::image_url(&line.product.image, 400) alt=line.product.image_alt width="64" height="64" class="h-16 w-16 rounded bg-stone-100" />
            <div class="min-w-40 flex-1">
                <a href=format!("/p/{}", line.product.slug) class="font-semibold hover:underline">{line.product.name}</a>
                <p class="text-sm text-stone-600">{format!("{} · {} · {} each", line.product.brand, line.product.unit, line.product.price)}</p>
                <StockBadge product_id=id stock=line.product.stock />
            </div>
            <ActionForm action=update attr:novalidate=true attr:class="flex items-end gap-2">
                <input type="hidden" name="product_id" value=id />
                <div>
                    <label for=input_id.clone() class="block text-xs text-stone-600">"Quantity"</label>
                    <input
                        id=input_id
                        name="quantity"
                        type="number"
                        min="1"
                        value=line.quantity
                        inputmode="numeric"
                        aria-describedby=move || message.get().is_some().then(|| error_id.clone())
                        class="w-20 rounded border border-stone-300 px-2 py-1"
                    />
                </div>
                <button type="submit" class="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">"Update"</button>
            </ActionForm>
            <ActionForm action=remove>
                <input type="hidden" name="product_id" value=id />
                <button type="submit" class="text-sm text-red-700 underline">"Remove"</button>
            </ActionForm>
            <p class="w-24 text-right font-semibold" data-testid="line-total">{total.to_string()}</p>
            {move || message.get().map(|m| view! { <p id=format!("quantity-{id}-error") class="w-full text-sm text-red-700">{m}</p> })}
        </li>
    }
}
