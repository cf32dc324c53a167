//! Categories: list, create, edit and order (by position); admins only.

use crate::domain::{AdminCategory, AppError};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/categories")]
pub async fn admin_categories() -> Result<Vec<AdminCategory>, AppError> {
    use crate::{
        db::admin_categories,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    admin_categories::list(&app_state().pool)
        .await
        .or_internal("listing categories")
}

/// Creates (empty `id`) or saves a category; categories are listed by
/// `position`, then name.
#[server(prefix = "/api", endpoint = "admin/save_category")]
pub async fn save_category(
    id: String,
    name: String,
    slug: String,
    description: String,
    position: String,
) -> Result<(), AppError> {
    use crate::{
        db::admin_categories,
        domain::{slugify, FormErrors, Role},
        server::{
            audit::{self, snapshot, Change},
            auth::require_role,
            errors::{not_found, unique_violation, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let id: Option<i32> = id.trim().parse().ok();
    let field = |n: &str| match id {
        Some(id) => format!("{n}-{id}"),
        None => n.to_string(),
    };
    let mut form = FormErrors::new(vec![
        (field("name"), name.clone()),
        (field("slug"), slug.clone()),
        (field("description"), description.clone()),
        (field("position"), position.clone()),
    ]);
    let name = name.trim().to_string();
    if name.is_empty() || name.chars().count() > 80 {
        form.add(
            &field("name"),
            "Enter the category's name (up to 80 characters).",
        );
    }
    let slug = if slug.trim().is_empty() {
        slugify(&name)
    } else {
        slug.trim().to_string()
    };
    if slugify(&slug) != slug || slug.is_empty() {
        form.add(
            &field("slug"),
            "Use lower-case letters, digits and single hyphens.",
        );
    } else if slug.len() > 80 {
        form.add(&field("slug"), "Keep the web address under 80 characters.");
    }
    let description = description.trim().to_string();
    if description.chars().count() > 2000 {
        form.add(
            &field("description"),
            "Keep the description under 2,000 characters.",
        );
    }
    let position = form.check(
        &field("position"),
        if position.trim().is_empty() {
            Ok(0)
        } else {
            position
                .trim()
                .parse::<i32>()
                .map_err(|_| "Enter a whole number; lower comes first.".to_string())
        },
    );
    form.clone().into_result()?;
    let Some(position) = position else {
        return Err(AppError::Invalid(form));
    };
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let before = match id {
        Some(id) => match admin_categories::get(&mut *tx, id)
            .await
            .or_internal("reading a category")?
        {
            Some(before) => Some(before),
            None => return Err(not_found()),
        },
        None => None,
    };
    let saved = match id {
        Some(id) => admin_categories::update(&mut *tx, id, &slug, &name, &description, position)
            .await
            .map(|_| id),
        None => admin_categories::insert(&mut *tx, &slug, &name, &description, position).await,
    };
    let saved_id = match saved {
        Ok(saved_id) => saved_id,
        Err(e) if unique_violation(&e) == Some("categories_slug_key") => {
            form.add(
                &field("slug"),
                "Another category already uses this address.",
            );
            return Err(AppError::Invalid(form));
        }
        Err(e) => return Err(crate::server::errors::internal("saving a category", e)),
    };
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: if before.is_some() {
                "category.updated"
            } else {
                "category.created"
            },
            entity: "category",
            entity_id: saved_id.to_string(),
            before: before.as_ref().and_then(snapshot),
            after: Some(serde_json::json!({
                "slug": slug, "name": name, "description": description, "position": position
            })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the category")?;
    leptos_axum::redirect("/admin/categories?saved=1");
    Ok(())
}
