//! Which cart the current request works on. A guest's cart id is kept in
//! their server-side session; a signed-in customer's cart is their account's.
//! When a guest with a cart signs in, the guest cart is merged into the
//! account's on their next cart request, so nothing they chose is lost.

use super::{auth::AuthSession, errors::OrInternal, state::app_state};
use crate::{db::carts, domain::AppError};
use uuid::Uuid;

const GUEST_CART: &str = "guest_cart_id";

/// The current cart; with `create`, one is made when there is none.
pub async fn current_cart(create: bool) -> Result<Option<Uuid>, AppError> {
    let auth: AuthSession = leptos_axum::extract()
        .await
        .or_internal("reading the session")?;
    let pool = &app_state().pool;
    let guest: Option<Uuid> = auth
        .session
        .get(GUEST_CART)
        .await
        .or_internal("reading the cart id")?;
    let guest = match guest {
        Some(id)
            if carts::is_guest_cart(pool, id)
                .await
                .or_internal("finding a cart")? =>
        {
            Some(id)
        }
        _ => None,
    };
    match &auth.user {
        Some(user) => {
            let user_id = user.0.id;
            if let Some(guest) = guest {
                let mut tx = pool.begin().await.or_internal("starting a transaction")?;
                let into = carts::ensure_user_cart(&mut *tx, user_id)
                    .await
                    .or_internal("making a cart")?;
                carts::merge(&mut tx, guest, into)
                    .await
                    .or_internal("merging carts")?;
                tx.commit().await.or_internal("committing the merge")?;
                auth.session
                    .remove::<Uuid>(GUEST_CART)
                    .await
                    .or_internal("forgetting the guest cart")?;
                return Ok(Some(into));
            }
            if create {
                Ok(Some(
                    carts::ensure_user_cart(pool, user_id)
                        .await
                        .or_internal("making a cart")?,
                ))
            } else {
                carts::user_cart(pool, user_id)
                    .await
                    .or_internal("finding a cart")
            }
        }
        None => match guest {
            Some(id) => Ok(Some(id)),
            None if create => {
                let id = carts::create_guest_cart(pool)
                    .await
                    .or_internal("making a cart")?;
                auth.session
                    .insert(GUEST_CART, id)
                    .await
                    .or_internal("remembering the cart")?;
                Ok(Some(id))
            }
            None => Ok(None),
        },
    }
}
