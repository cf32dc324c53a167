//! Product images: upload (checked, resized, stored), alt text, order, removal.
//! The upload form is multipart, so it is a plain form post with or without
//! JavaScript; errors come back beside its fields like every other form.

use crate::domain::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Fields: `product_id`, `alt` (required: what the photo shows) and `image`.
#[server(prefix = "/api", endpoint = "admin/upload_product_image", input = MultipartFormData)]
pub async fn upload_product_image(data: MultipartData) -> Result<(), AppError> {
    use crate::{
        db::{admin_products, images},
        domain::{FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            images::{path_of, read_upload, resize, PRODUCT_WIDTHS},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let upload = read_upload(data).await?;
    let typed_alt = upload.text("alt");
    let mut form = FormErrors::new(vec![("alt".into(), typed_alt.clone())]);
    let alt = typed_alt.trim().to_string();
    if alt.is_empty() {
        form.add(
            "alt",
            "Describe the photo for people who cannot see it, e.g. \"1 kg pack, front\".",
        );
    } else if alt.chars().count() > 200 {
        form.add("alt", "Keep the description under 200 characters.");
    }
    let Some(product_id) = upload.text("product_id").trim().parse::<i32>().ok() else {
        return Err(not_found());
    };
    let sizes = match upload.file {
        Err(message) => {
            form.add("image", message);
            None
        }
        Ok(bytes) => {
            match tokio::task::spawn_blocking(move || resize(&bytes, &PRODUCT_WIDTHS)).await {
                Ok(Ok(sizes)) => Some(sizes),
                Ok(Err(message)) => {
                    form.add("image", message);
                    None
                }
                Err(e) => return Err(crate::server::errors::internal("resizing an image", e)),
            }
        }
    };
    form.clone().into_result()?;
    let Some(sizes) = sizes else {
        return Err(AppError::Invalid(form));
    };
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    if admin_products::fields(&mut *tx, product_id)
        .await
        .or_internal("finding the product")?
        .is_none()
    {
        return Err(not_found());
    }
    let key = uuid::Uuid::new_v4();
    for (width, bytes) in &sizes {
        images::insert(&mut *tx, key, *width as i32, bytes)
            .await
            .or_internal("storing an image")?;
    }
    let path = path_of(key);
    let image_id = admin_products::add_image(&mut *tx, product_id, &path, &alt)
        .await
        .or_internal("adding the image")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "product.image_added",
            entity: "product",
            entity_id: product_id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "image_id": image_id, "path": path, "alt": alt })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the image")?;
    leptos_axum::redirect(&format!("/admin/products/{product_id}?saved=1#images"));
    Ok(())
}

/// `action` is `up`, `down` or `remove`.
#[server(prefix = "/api", endpoint = "admin/change_product_image")]
pub async fn change_product_image(image_id: i32, action: String) -> Result<(), AppError> {
    use crate::{
        db::admin_products,
        domain::Role,
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let Some(product_id) = admin_products::image_product(&mut *tx, image_id)
        .await
        .or_internal("finding the image")?
    else {
        return Err(not_found());
    };
    match action.as_str() {
        "up" | "down" => admin_products::move_image(&mut tx, image_id, action == "up").await,
        "remove" => admin_products::remove_image(&mut *tx, image_id).await,
        _ => return Err(not_found()),
    }
    .or_internal("changing the image")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: &format!("product.image_{action}"),
            entity: "product",
            entity_id: product_id.to_string(),
            before: Some(serde_json::json!({ "image_id": image_id })),
            after: None,
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving")?;
    leptos_axum::redirect(&format!("/admin/products/{product_id}#images"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "admin/update_image_alt")]
pub async fn update_image_alt(image_id: i32, alt: String) -> Result<(), AppError> {
    use crate::{
        db::admin_products,
        domain::{FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let alt = alt.trim().to_string();
    if alt.is_empty() || alt.chars().count() > 200 {
        let mut form = FormErrors::new(vec![(format!("alt-{image_id}"), alt)]);
        form.add(
            &format!("alt-{image_id}"),
            "Describe the photo in 1 to 200 characters.",
        );
        return Err(AppError::Invalid(form));
    }
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let Some(product_id) = admin_products::image_product(&mut *tx, image_id)
        .await
        .or_internal("finding the image")?
    else {
        return Err(not_found());
    };
    admin_products::set_image_alt(&mut *tx, image_id, &alt)
        .await
        .or_internal("saving the alt text")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "product.image_alt",
            entity: "product",
            entity_id: product_id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "image_id": image_id, "alt": alt })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving")?;
    leptos_axum::redirect(&format!("/admin/products/{product_id}#images"));
    Ok(())
}
