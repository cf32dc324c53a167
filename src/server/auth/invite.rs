//! Accounts opened on someone's behalf (an approved partner, a won lead):
//! a password nobody knows, and a link, valid for three days, to choose one.

use super::{password, reset_token};
use crate::{
    db::{
        password_resets,
        users::{self, NewUser},
    },
    domain::{AppError, Email, Mobile, NewPassword, PersonName, Role},
    server::{errors::OrInternal, state::app_state},
};
use sqlx::PgConnection;
use uuid::Uuid;

const LINK_VALID_HOURS: i32 = 72;

/// The longest any emailed link (invitation, password reset) stays usable.
pub const LONGEST_LINK_LIFETIME: std::time::Duration =
    std::time::Duration::from_secs(LINK_VALID_HOURS as u64 * 3600);

/// Whom an account is opened for.
pub struct Invitee<'a> {
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub mobile: Option<&'a Mobile>,
    pub role: Role,
}

/// Creates the account; `Ok(None)` when the email is already registered.
/// Returns the new account's id and the link to email its owner.
pub async fn open_account(
    tx: &mut PgConnection,
    invitee: Invitee<'_>,
) -> Result<Option<(Uuid, String)>, AppError> {
    let unknown = NewPassword::parse(reset_token::new())
        .map_err(std::io::Error::other)
        .or_internal("drawing a random password")?;
    let hash = password::hash(&unknown)
        .await
        .or_internal("hashing a password")?;
    let Some(id) = users::insert(
        &mut *tx,
        NewUser {
            email: invitee.email,
            name: invitee.name,
            mobile: invitee.mobile,
            password_hash: &hash,
            role: invitee.role,
        },
    )
    .await
    .or_internal("creating an account")?
    else {
        return Ok(None);
    };
    let token = reset_token::new();
    password_resets::insert(&mut *tx, &reset_token::hash(&token), id, LINK_VALID_HOURS)
        .await
        .or_internal("storing the first-password link")?;
    let link = app_state()
        .config
        .link(&format!("/reset-password?token={token}"));
    Ok(Some((id, link)))
}
