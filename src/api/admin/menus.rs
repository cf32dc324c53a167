//! The header and footer menus and the home page's hero text; admins only.

use crate::domain::{AppError, MenuLink};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/menus")]
pub async fn admin_menus() -> Result<Vec<MenuLink>, AppError> {
    use crate::{
        db::menus,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    menus::all(&app_state().pool)
        .await
        .or_internal("listing menu links")
}

/// Adds a link to the `header` or `footer` menu.
#[server(prefix = "/api", endpoint = "admin/add_menu_link")]
pub async fn add_menu_link(menu: String, label: String, href: String) -> Result<(), AppError> {
    use crate::{
        db::menus,
        domain::{FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::OrInternal,
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![
        ("menu".into(), menu.clone()),
        ("label".into(), label.clone()),
        ("href".into(), href.clone()),
    ]);
    if !matches!(menu.as_str(), "header" | "footer") {
        form.add("menu", "Choose the header or the footer.");
    }
    let label = label.trim().to_string();
    if label.is_empty() || label.chars().count() > 40 {
        form.add("label", "Enter the link's text (up to 40 characters).");
    }
    let href = href.trim().to_string();
    let local = href.starts_with('/') && !href.starts_with("//");
    if !(local || href.starts_with("https://"))
        || href.contains(char::is_whitespace)
        || href.chars().count() > 500
    {
        form.add(
            "href",
            "Enter a page of this site like /about, or a full https:// address.",
        );
    }
    form.clone().into_result()?;
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let id = menus::add(&mut *tx, &menu, &label, &href)
        .await
        .or_internal("adding the link")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "menu.link_added",
            entity: "menu",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "menu": menu, "label": label, "href": href })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the link")?;
    leptos_axum::redirect("/admin/menus?saved=1");
    Ok(())
}

/// `action` is `up`, `down` or `remove`.
#[server(prefix = "/api", endpoint = "admin/change_menu_link")]
pub async fn change_menu_link(id: i32, action: String) -> Result<(), AppError> {
    use crate::{
        db::menus,
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
    let Some(link) = menus::get(&mut *tx, id)
        .await
        .or_internal("finding the link")?
    else {
        return Err(not_found());
    };
    match action.as_str() {
        "up" | "down" => menus::move_link(&mut tx, id, action == "up").await,
        "remove" => menus::remove(&mut *tx, id).await,
        _ => return Err(not_found()),
    }
    .or_internal("changing the link")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: &format!("menu.link_{action}"),
            entity: "menu",
            entity_id: id.to_string(),
            before: snapshot(&link),
            after: None,
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the menu")?;
    leptos_axum::redirect("/admin/menus");
    Ok(())
}

/// The home page's hero heading and text; featured products are chosen on
/// each product ("Feature on the home page").
#[server(prefix = "/api", endpoint = "admin/save_home")]
pub async fn save_home(hero_title: String, hero_text: String) -> Result<(), AppError> {
    use crate::{
        db::settings,
        domain::{FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::OrInternal,
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let mut form = FormErrors::new(vec![
        ("hero_title".into(), hero_title.clone()),
        ("hero_text".into(), hero_text.clone()),
    ]);
    let (hero_title, hero_text) = (hero_title.trim().to_string(), hero_text.trim().to_string());
    if hero_title.is_empty() || hero_title.chars().count() > 120 {
        form.add("hero_title", "Enter a heading of up to 120 characters.");
    }
    if hero_text.chars().count() > 300 {
        form.add("hero_text", "Keep the text under 300 characters.");
    }
    form.into_result()?;
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let before = settings::load(&mut *tx)
        .await
        .or_internal("reading settings")?;
    settings::save_home(&mut *tx, &hero_title, &hero_text)
        .await
        .or_internal("saving the home page")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "home.updated",
            entity: "settings",
            entity_id: "home".into(),
            before: Some(serde_json::json!({ "hero_title": before.hero_title, "hero_text": before.hero_text })),
            after: Some(serde_json::json!({ "hero_title": hero_title, "hero_text": hero_text })),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the home page")?;
    leptos_axum::redirect("/admin/menus?saved=1");
    Ok(())
}
