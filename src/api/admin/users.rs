//! Accounts: search, change role, disable or enable; admins only. A disabled
//! account cannot log in and its sessions end at their next request.

use crate::domain::{AdminUserRow, AppError};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "admin/users")]
pub async fn admin_users(q: String, role: String) -> Result<Vec<AdminUserRow>, AppError> {
    use crate::{
        db::admin_users,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let q: String = q.trim().chars().take(100).collect();
    let q = q.as_str();
    let role = Role::parse(&role).map(Role::as_str);
    admin_users::list(&app_state().pool, (!q.is_empty()).then_some(q), role)
        .await
        .or_internal("listing accounts")
}

/// `role` is a role name; `staff_role` (for staff) manager, pharmacist,
/// sales or auditor; `disabled` is `yes` or `no`; `password` the admin's
/// own, asked again for every change of role or access. Admins cannot demote
/// or disable themselves (the shop would risk having no admin).
#[server(prefix = "/api", endpoint = "admin/update_user")]
pub async fn update_user(
    id: String,
    role: String,
    disabled: String,
    #[server(default)] staff_role: String,
    #[server(default)] password: String,
) -> Result<(), AppError> {
    use crate::{
        db::admin_users,
        domain::{FormErrors, Role},
        server::{
            audit::{self, snapshot, Change},
            auth::{reauth::confirm_password, require_role},
            errors::{not_found, OrInternal},
            state::app_state,
        },
    };
    let user = require_role(&[Role::Admin]).await?;
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return Err(not_found());
    };
    let field = |n: &str| format!("{n}-{id}");
    let mut form = FormErrors::new(vec![
        (field("role"), role.clone()),
        (field("disabled"), disabled.clone()),
    ]);
    let new_role = form.check(
        &field("role"),
        Role::parse(&role).ok_or_else(|| "Choose a role.".to_string()),
    );
    let disable = disabled == "yes";
    if id == user.0.id && (new_role != Some(Role::Admin) || disable) {
        form.add(
            &field("role"),
            "You cannot remove your own admin access; ask another admin.",
        );
    }
    confirm_password(&user, password, &mut form, &field("password")).await?;
    form.clone().into_result()?;
    let Some(new_role) = new_role else {
        return Err(AppError::Invalid(form));
    };
    let pool = &app_state().pool;
    let mut tx = pool.begin().await.or_internal("starting a transaction")?;
    let Some(before) = admin_users::get(&mut *tx, id)
        .await
        .or_internal("reading the account")?
    else {
        return Err(not_found());
    };
    admin_users::set_role(&mut *tx, id, new_role.as_str())
        .await
        .or_internal("changing the role")?;
    // Only staff have a sub-role; it decides, for example, who works the CRM.
    let staff_role = (new_role == Role::Staff)
        .then_some(staff_role.as_str())
        .filter(|r| matches!(*r, "manager" | "pharmacist" | "sales" | "auditor"));
    admin_users::set_staff_role(&mut *tx, id, staff_role)
        .await
        .or_internal("changing the staff role")?;
    admin_users::set_disabled(&mut *tx, id, disable)
        .await
        .or_internal("disabling the account")?;
    let after = admin_users::get(&mut *tx, id)
        .await
        .or_internal("reading the account")?;
    audit::record(
        &mut *tx,
        &user,
        Change {
            action: "user.updated",
            entity: "user",
            entity_id: before.email.clone(),
            before: snapshot(&before),
            after: after.as_ref().and_then(snapshot),
        },
    )
    .await
    .or_internal("recording the change")?;
    tx.commit().await.or_internal("saving the account")?;
    leptos_axum::redirect("/admin/users?saved=1");
    Ok(())
}
