//! The axum-login backend: how a session finds its user, and how credentials
//! are checked. A user's session ends when their password hash changes
//! (axum-login compares `session_auth_hash`) or their account is disabled.

use super::password;
use crate::{
    db::{self, users::UserRow},
    domain::Email,
};
use axum_login::{AuthUser, AuthnBackend};
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Clone, Debug)]
pub struct SessionUser(pub UserRow);

impl AuthUser for SessionUser {
    type Id = Uuid;

    fn id(&self) -> Uuid {
        self.0.id
    }

    fn session_auth_hash(&self) -> &[u8] {
        self.0.password_hash.as_bytes()
    }
}

#[derive(Clone)]
pub struct Backend {
    pool: PgPool,
}

impl Backend {
    pub fn new(pool: PgPool) -> Self {
        Backend { pool }
    }
}

pub struct Credentials {
    pub email: Email,
    pub password: String,
}

impl AuthnBackend for Backend {
    type User = SessionUser;
    type Credentials = Credentials;
    type Error = sqlx::Error;

    async fn authenticate(&self, creds: Credentials) -> Result<Option<SessionUser>, sqlx::Error> {
        let user = db::users::find_by_email(&self.pool, &creds.email).await?;
        // Verify even without a user, so timing does not reveal which emails exist.
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let matches = password::verify(creds.password, hash).await;
        Ok(user.filter(|u| matches && !u.disabled).map(SessionUser))
    }

    async fn get_user(&self, id: &Uuid) -> Result<Option<SessionUser>, sqlx::Error> {
        let user = db::users::find_by_id(&self.pool, *id).await?;
        Ok(user.filter(|u| !u.disabled).map(SessionUser))
    }
}

pub type AuthSession = axum_login::AuthSession<Backend>;

/// Signs `user` in on this request's session, always under a new session id:
/// axum-login only renews it for a session that was not signed in, and an
/// attacker could plant a signed-in one of their own.
pub async fn start_session(user: &SessionUser) -> Result<(), crate::domain::AppError> {
    use crate::server::errors::OrInternal;
    let mut auth: AuthSession = leptos_axum::extract()
        .await
        .or_internal("reading the session")?;
    auth.session
        .cycle_id()
        .await
        .or_internal("renewing the session id")?;
    auth.login(user).await.or_internal("starting the session")?;
    super::session_limits::note_sign_in(&auth.session)
        .await
        .or_internal("noting the sign-in time")
}
