//! Content pages (markdown, draft or published, revisions); admins only.

use crate::domain::{AppError, PageEditor, PageRow};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/pages")]
pub async fn admin_pages() -> Result<Vec<PageRow>, AppError> {
    use crate::{
        db::pages,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    pages::list(&app_state().pool)
        .await
        .or_internal("listing pages")
}

/// The editor for page `id` (a blank one when absent), with its preview and
/// revisions.
#[server(prefix = "/api", endpoint = "admin/load_page_editor")]
pub async fn load_page_editor(id: Option<i32>) -> Result<PageEditor, AppError> {
    use crate::{
        db::pages,
        domain::{PageFields, Role},
        server::{
            auth::require_role,
            errors::{not_found, OrInternal},
            markdown::to_safe_html,
            state::app_state,
        },
    };
    require_role(&[Role::Admin]).await?;
    let pool = &app_state().pool;
    let Some(id) = id else {
        return Ok(PageEditor {
            id: None,
            fields: PageFields::default(),
            preview_html: String::new(),
            revisions: Vec::new(),
        });
    };
    let Some(fields) = pages::get(pool, id).await.or_internal("reading a page")? else {
        return Err(not_found());
    };
    Ok(PageEditor {
        id: Some(id),
        preview_html: to_safe_html(&fields.body),
        fields,
        revisions: pages::revisions(pool, id)
            .await
            .or_internal("listing revisions")?,
    })
}

/// Creates (empty `id`) or saves a page; every save is kept as a revision.
#[server(prefix = "/api", endpoint = "admin/save_page")]
pub async fn save_page(
    id: String,
    title: String,
    slug: String,
    body: String,
    seo_title: String,
    seo_description: String,
    published: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        db::pages,
        domain::{slugify, FormErrors, PageFields, Role},
        server::{
            audit::{self, snapshot, Change},
            auth::require_role,
            errors::{not_found, unique_violation, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![
        ("title".into(), title.clone()),
        ("slug".into(), slug.clone()),
        ("body".into(), body.clone()),
        ("seo_title".into(), seo_title.clone()),
        ("seo_description".into(), seo_description.clone()),
        ("published".into(), published.clone().unwrap_or_default()),
    ]);
    let id: Option<i32> = id.trim().parse().ok();
    let title = title.trim().to_string();
    if title.is_empty() || title.chars().count() > 120 {
        form.add("title", "Enter a title of up to 120 characters.");
    }
    let slug = if slug.trim().is_empty() {
        slugify(&title)
    } else {
        slug.trim().to_string()
    };
    if slugify(&slug) != slug || slug.is_empty() {
        form.add(
            "slug",
            "Use lower-case letters, digits and single hyphens, e.g. shipping-and-returns.",
        );
    } else if slug.len() > 100 {
        form.add("slug", "Keep the web address under 100 characters.");
    } else if RESERVED_SLUGS.contains(&slug.as_str()) {
        form.add(
            "slug",
            "This address is used by the shop itself; choose another.",
        );
    }
    if seo_title.chars().count() > 70 {
        form.add(
            "seo_title",
            "Search engines show about 60 characters; keep it under 70.",
        );
    }
    if seo_description.chars().count() > 200 {
        form.add(
            "seo_description",
            "Search engines show about 155 characters; keep it under 200.",
        );
    }
    if body.len() > 100_000 {
        form.add("body", "Keep the page under 100,000 characters.");
    }
    form.clone().into_result()?;
    let fields = PageFields {
        slug,
        title,
        body,
        seo_title: seo_title.trim().to_string(),
        seo_description: seo_description.trim().to_string(),
        published: published.is_some(),
    };
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let before = match id {
        Some(id) => match pages::get(&mut *tx, id)
            .await
            .or_internal("reading the page")?
        {
            Some(before) => Some(before),
            None => return Err(not_found()),
        },
        None => None,
    };
    let saved = match id {
        Some(id) => pages::update(&mut tx, id, &fields, Some(user.0.id))
            .await
            .map(|_| id),
        None => pages::insert(&mut tx, &fields, Some(user.0.id)).await,
    };
    let saved_id = match saved {
        Ok(saved_id) => saved_id,
        Err(e) if unique_violation(&e) == Some("pages_slug_key") => {
            form.add("slug", "Another page already uses this address.");
            return Err(AppError::Invalid(form));
        }
        Err(e) => return Err(crate::server::errors::internal("saving a page", e)),
    };
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: if before.is_some() {
                "page.updated"
            } else {
                "page.created"
            },
            entity: "page",
            entity_id: saved_id.to_string(),
            before: before.as_ref().and_then(snapshot),
            after: snapshot(&fields),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the page")?;
    leptos_axum::redirect(&format!("/admin/pages/{saved_id}?saved=1"));
    Ok(())
}

/// First path segments the shop's own pages use.
pub const RESERVED_SLUGS: [&str; 20] = [
    "admin",
    "api",
    "account",
    "c",
    "p",
    "cart",
    "checkout",
    "orders",
    "search",
    "login",
    "signup",
    "logout",
    "forgot-password",
    "reset-password",
    "dashboard",
    "media",
    "pkg",
    "events",
    "partners",
    "healthz",
];

/// Makes revision `revision_id` the page's current text (itself a new revision).
#[server(prefix = "/api", endpoint = "admin/restore_revision")]
pub async fn restore_revision(revision_id: i64) -> Result<(), AppError> {
    use crate::{
        db::pages,
        domain::Role,
        server::{
            audit::{self, snapshot, Change},
            auth::require_role,
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let Some((page_id, restored)) = pages::revision(&mut *tx, revision_id)
        .await
        .or_internal("reading the revision")?
    else {
        return Err(not_found());
    };
    let before = pages::get(&mut *tx, page_id)
        .await
        .or_internal("reading the page")?;
    pages::update(&mut tx, page_id, &restored, Some(user.0.id))
        .await
        .or_internal("restoring the revision")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "page.restored",
            entity: "page",
            entity_id: page_id.to_string(),
            before: before.as_ref().and_then(snapshot),
            after: snapshot(&restored),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the page")?;
    leptos_axum::redirect(&format!("/admin/pages/{page_id}?restored=1"));
    Ok(())
}
