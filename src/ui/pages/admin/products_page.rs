//! `/admin/products`: the product list with search and filters; `?low=1`
//! lists the products at or below their low-stock threshold.

use crate::{
    api::admin::products::admin_products,
    domain::AdminProductRow,
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, BUTTON, TABLE},
    },
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn ProductsPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.with(|q| q.get(name).unwrap_or_default());
    let rows = Resource::new(
        move || (param("q"), param("category"), param("status"), param("low")),
        |(q, category, status, low)| admin_products(q, category, status, low),
    );
    let low = move || !param("low").is_empty();
    view! {
        <AdminFrame title="Products">
            <div class="mb-4 flex flex-wrap items-end justify-between gap-3">
                <Form method="GET" action="/admin/products" attr:class="flex flex-wrap items-end gap-2" attr:role="search">
                    <div>
                        <label for="q" class="block text-sm font-medium">"Search name, SKU or brand"</label>
                        <input id="q" name="q" type="search" value=move || param("q") class="rounded border border-stone-300 px-3 py-2" />
                    </div>
                    <div>
                        <label for="status" class="block text-sm font-medium">"Status"</label>
                        <select id="status" name="status" class="rounded border border-stone-300 px-3 py-2">
                            <option value="" selected=move || param("status").is_empty()>"All"</option>
                            <option value="active" selected=move || param("status") == "active">"Active"</option>
                            <option value="inactive" selected=move || param("status") == "inactive">"Inactive"</option>
                        </select>
                    </div>
                    <label class="flex items-center gap-1 py-2 text-sm">
                        <input type="checkbox" name="low" value="1" checked=low />
                        "Low stock only"
                    </label>
                    <button type="submit" class=BUTTON>"Filter"</button>
                </Form>
                <a href="/admin/products/new" class=BUTTON>"New product"</a>
            </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! { <ProductTable rows /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/products" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn ProductTable(rows: Vec<AdminProductRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"No products match."</p> }.into_any();
    }
    view! {
        <table class=TABLE data-testid="admin-products">
            <thead><tr><th scope="col">"Product"</th><th scope="col">"SKU"</th><th scope="col">"Category"</th><th scope="col" class="text-right">"Price"</th><th scope="col" class="text-right">"Stock"</th><th scope="col">"Status"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|p| {
                    let low = p.stock <= p.low_stock_threshold;
                    view! {
                        <tr>
                            <td><a class="font-medium text-teal-800 underline" href=format!("/admin/products/{}", p.id)>{p.name}</a></td>
                            <td class="font-mono">{p.sku}</td>
                            <td>{p.category}</td>
                            <td class="text-right">{p.price.to_string()}</td>
                            <td class="text-right" class:text-red-700=low class:font-semibold=low>{p.stock}</td>
                            <td>{if p.active { "Active" } else { "Inactive" }}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
