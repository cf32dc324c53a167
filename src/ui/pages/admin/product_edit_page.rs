//! `/admin/products/{id}` (and `/admin/products/new`): every field of a
//! product, its photos, and its stock with the ledger that explains it.

use crate::ui::islands::markdown_editor::MarkdownEditor;
use crate::{
    api::admin::{
        images::{ChangeProductImage, UpdateImageAlt, UploadProductImage},
        products::{load_product_editor, SaveProduct},
        receiving::AdjustBatch,
        stock::AdjustStock,
    },
    domain::{image_url, BatchView, ProductEditor, ADJUSTMENT_REASONS, BATCH_ADJUSTMENT_REASONS},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON, TABLE},
        form::{last_error, posted_error, CheckboxField, Field, FormAlert, SelectField},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ProductEditPage() -> impl IntoView {
    let params = use_params_map();
    let editor = Resource::new(
        move || params.with(|p| p.get("id").and_then(|id| id.parse::<i32>().ok())),
        load_product_editor,
    );
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved").is_some());
    let adjusted = query.with_untracked(|q| q.get("adjusted").is_some());
    view! {
        <AdminFrame title="Product">
            {saved.then(|| view! { <Notice>"Saved."</Notice> })}
            {adjusted.then(|| view! { <Notice>"Stock adjusted."</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(editor) => view! { <Editor editor /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/products" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Editor(editor: ProductEditor) -> impl IntoView {
    let id = editor.id;
    view! {
        {if editor.can_edit {
            view! { <DetailsForm editor=editor.clone() /> }.into_any()
        } else {
            view! { <p class="mb-4 text-lg font-semibold">{editor.fields.name.clone()}</p> }.into_any()
        }}
        {id.map(|id| view! {
            {editor.can_edit.then(|| view! { <Photos id images=editor.images.clone() /> })}
            {editor.fields.batch_tracked.then(|| view! {
                <Batches id batches=editor.batches.clone() can_adjust=editor.can_adjust />
            })}
            <Stock
                id
                stock=editor.stock
                movements=editor.movements.clone()
                can_adjust=editor.can_adjust && !editor.fields.batch_tracked
            />
        })}
    }
}

#[component]
fn DetailsForm(editor: ProductEditor) -> impl IntoView {
    let action = ServerAction::<SaveProduct>::new();
    let error = last_error(action);
    let f = editor.fields;
    let categories: Vec<(String, String)> = std::iter::once((String::new(), "Choose…".to_string()))
        .chain(
            editor
                .categories
                .into_iter()
                .map(|c| (c.id.to_string(), c.name)),
        )
        .collect();
    let gst_rates: Vec<(String, String)> = [0, 5, 12, 18, 28]
        .iter()
        .map(|r| (r.to_string(), format!("{r} %")))
        .collect();
    let is_new = editor.id.is_none();
    let price = |p: crate::domain::Paise| if p.0 > 0 { p.decimal() } else { String::new() };
    let description_html = editor.description_html.clone();
    view! {
        <Panel heading="Details">
            <FormAlert error />
            <ActionForm action attr:novalidate=true>
                <input type="hidden" name="id" value=editor.id.map(|id| id.to_string()).unwrap_or_default() />
                <div class="grid gap-x-4 md:grid-cols-2">
                    <Field label="Name" name="name" error initial=f.name.clone() required=true />
                    <Field label="Address (slug)" name="slug" error initial=f.slug.clone() hint="Made from the name when blank. Old addresses keep working." />
                    <Field label="SKU" name="sku" error initial=f.sku.clone() required=true />
                    <Field label="Brand" name="brand" error initial=f.brand.clone() />
                    <SelectField label="Category" name="category_id" error options=categories initial=f.category_id.to_string() />
                    <Field label="Unit" name="unit" error initial=f.unit.clone() hint="e.g. 1 kg, 500 ml, pack of 6" />
                    <Field label="Price (₹, incl. GST)" name="price" error initial=price(f.price) input_type="text" required=true />
                    <Field label="MRP (₹)" name="mrp" error initial=price(f.mrp) hint="The printed price; blank means the same as the price." />
                    <SelectField label="GST rate" name="gst_rate" error options=gst_rates initial=f.gst_rate.to_string() />
                    <Field label="HSN code" name="hsn" error initial=f.hsn.clone() required=true />
                    <Field
                        label="Low-stock threshold"
                        name="low_stock_threshold"
                        error
                        initial=f.low_stock_threshold.map(|n| n.to_string()).unwrap_or_default()
                        hint="Blank uses the shop's default (Settings)."
                    />
                    {if is_new {
                        view! { <Field label="Units on hand" name="opening_stock" error hint="Recorded as the opening entry of the stock ledger." /> }.into_any()
                    } else {
                        // Stock changes through adjustments once the product exists.
                        view! { <input type="hidden" name="opening_stock" value="" /> }.into_any()
                    }}
                </div>
                <MarkdownEditor label="Description".to_string() name="description".to_string() error=error.get_untracked() initial=f.description.clone() initial_html=description_html rows=10 />
                <CheckboxField label="Active (shown in the shop)" name="active" error initial=f.active />
                <CheckboxField label="Feature on the home page" name="featured" error initial=f.featured />
                <CheckboxField label="Kept in batches with expiry dates (medicines, food)" name="batch_tracked" error initial=f.batch_tracked />
                <button type="submit" class=BUTTON disabled=move || action.pending().get()>
                    {if is_new { "Create product" } else { "Save product" }}
                </button>
            </ActionForm>
        </Panel>
    }
}

#[component]
fn Photos(id: i32, images: Vec<crate::domain::AdminImage>) -> impl IntoView {
    let error = posted_error::<UploadProductImage>();
    let alt_action = ServerAction::<UpdateImageAlt>::new();
    let alt_error = last_error(alt_action);
    let change = ServerAction::<ChangeProductImage>::new();
    view! {
        <Panel heading="Photos" id="images">
            <FormAlert error=alt_error />
            <ul class="mb-4 grid gap-3 sm:grid-cols-2" data-testid="product-images">
                {images.into_iter().map(|image| {
                    let alt_name = format!("alt-{}", image.id);
                    view! {
                        <li class="rounded border border-stone-200 p-2">
                            <img src=image_url(&image.path, 400) alt=image.alt.clone() width="200" height="200" class="mb-2 h-32 w-32 rounded object-cover" />
                            <ActionForm action=alt_action attr:novalidate=true>
                                <input type="hidden" name="image_id" value=image.id />
                                <Field label="Alt text" name=alt_name.clone() error=alt_error initial=image.alt.clone() />
                                <button type="submit" class=SMALL_BUTTON>"Save alt text"</button>
                            </ActionForm>
                            <div class="mt-2 flex gap-2">
                                {["up", "down", "remove"].into_iter().map(|what| view! {
                                    <ActionForm action=change>
                                        <input type="hidden" name="image_id" value=image.id />
                                        <input type="hidden" name="action" value=what />
                                        <button type="submit" class=SMALL_BUTTON>{match what { "up" => "Move earlier", "down" => "Move later", _ => "Remove" }}</button>
                                    </ActionForm>
                                }).collect_view()}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3 class="mb-2 font-semibold">"Add a photo"</h3>
            <FormAlert error />
            // Multipart: a plain form post, the same with or without JavaScript.
            <form method="post" action="/api/admin/upload_product_image" enctype="multipart/form-data" novalidate>
                <input type="hidden" name="product_id" value=id />
                <Field label="What the photo shows (alt text)" name="alt" error hint="Read aloud to people who cannot see it." />
                <div class="mb-4">
                    <label for="image" class="mb-1 block font-medium">"Photo (JPEG, PNG or WebP, up to 5 MB)"</label>
                    <input id="image" name="image" type="file" accept="image/jpeg,image/png,image/webp" />
                    {move || error.get().and_then(|e| e.form_errors().and_then(|f| f.field("image")).map(str::to_owned)).map(|m| view! {
                        <p id="image-error" class="mt-1 text-sm text-red-700">{m}</p>
                    })}
                </div>
                <button type="submit" class=BUTTON>"Upload photo"</button>
            </form>
        </Panel>
    }
}

#[component]
fn Batches(id: i32, batches: Vec<BatchView>, can_adjust: bool) -> impl IntoView {
    let action = ServerAction::<AdjustBatch>::new();
    let error = last_error(action);
    let reasons: Vec<(String, String)> = BATCH_ADJUSTMENT_REASONS
        .iter()
        .map(|(value, label)| (value.to_string(), label.to_string()))
        .collect();
    let choices: Vec<(String, String)> = batches
        .iter()
        .filter(|b| b.quantity > 0)
        .map(|b| {
            (
                b.id.to_string(),
                format!("{} (exp. {}, {} units)", b.batch_no, b.expires, b.quantity),
            )
        })
        .collect();
    view! {
        <Panel heading="Batches" id="batches">
            <p class="mb-3 text-sm text-stone-600">
                "Orders take the batch that expires first. A batch stops being sold on its expiry date. "
                <a class="underline" href="/admin/receiving">"Receive a delivery"</a>
            </p>
            {batches.is_empty().then(|| view! { <p class="mb-3 text-stone-600">"No batches yet: receive a delivery to stock this product."</p> })}
            <table class=TABLE data-testid="batches">
                <thead><tr><th scope="col">"Batch"</th><th scope="col">"Expiry"</th><th scope="col">"State"</th><th scope="col" class="text-right">"MRP"</th><th scope="col" class="text-right">"Cost"</th><th scope="col" class="text-right">"Units"</th></tr></thead>
                <tbody>
                    {batches.into_iter().map(|b| view! {
                        <tr>
                            <td>{b.batch_no}</td>
                            <td>{b.expires}</td>
                            <td>{b.state.label()}</td>
                            <td class="text-right">{b.mrp.to_string()}</td>
                            <td class="text-right">{b.cost.to_string()}</td>
                            <td class="text-right" data-testid="batch-units">{b.quantity}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(can_adjust && !choices.is_empty()).then(|| view! {
                <h3 class="mb-2 mt-4 font-semibold">"Adjust or write off a batch"</h3>
                <FormAlert error />
                <ActionForm action attr:novalidate=true attr:class="grid gap-x-4 md:grid-cols-4">
                    <input type="hidden" name="product_id" value=id />
                    <SelectField label="Batch" name="batch_id" error options=choices />
                    <Field label="Units (+ to add, − to remove)" name="quantity" error />
                    <SelectField label="Reason" name="reason" error options=reasons />
                    <Field label="Note" name="note" error />
                    <div><button type="submit" class=BUTTON>"Adjust batch"</button></div>
                </ActionForm>
            })}
        </Panel>
    }
}

#[component]
fn Stock(
    id: i32,
    stock: i32,
    movements: Vec<crate::domain::StockMovement>,
    can_adjust: bool,
) -> impl IntoView {
    let action = ServerAction::<AdjustStock>::new();
    let error = last_error(action);
    let reasons: Vec<(String, String)> = ADJUSTMENT_REASONS
        .iter()
        .map(|(value, label)| (value.to_string(), label.to_string()))
        .collect();
    view! {
        <Panel heading="Stock" id="stock">
            <p class="mb-3">"On hand (for sale): " <strong data-testid="stock-on-hand">{stock}</strong></p>
            {can_adjust.then(|| view! {
                <FormAlert error />
                <ActionForm action attr:novalidate=true attr:class="grid gap-x-4 md:grid-cols-3">
                    <input type="hidden" name="product_id" value=id />
                    <Field label="Units (+ to add, − to remove)" name="quantity" error />
                    <SelectField label="Reason" name="reason" error options=reasons />
                    <Field label="Note" name="note" error />
                    <div><button type="submit" class=BUTTON>"Adjust stock"</button></div>
                </ActionForm>
            })}
            <h3 class="mb-2 mt-4 font-semibold">"Stock ledger"</h3>
            <table class=TABLE data-testid="stock-ledger">
                <thead><tr><th scope="col">"When"</th><th scope="col">"Batch"</th><th scope="col" class="text-right">"Change"</th><th scope="col" class="text-right">"After"</th><th scope="col">"Reason"</th><th scope="col">"Order"</th><th scope="col">"By"</th><th scope="col">"Note"</th></tr></thead>
                <tbody>
                    {movements.into_iter().map(|m| view! {
                        <tr>
                            <td>{m.at}</td>
                            <td>{m.batch}</td>
                            <td class="text-right">{if m.delta > 0 { format!("+{}", m.delta) } else { m.delta.to_string() }}</td>
                            <td class="text-right">{m.stock_after}</td>
                            <td>{m.reason}</td>
                            <td>{m.order_reference.map(|r| view! { <a class="underline" href=format!("/admin/orders/{r}")>{r.clone()}</a> })}</td>
                            <td>{m.actor.unwrap_or_default()}</td>
                            <td>{m.note}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Panel>
    }
}
