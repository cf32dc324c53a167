//! Limits on login, the public forms and search, per client address (see
//! `client_ip`, which knows about trusted proxies) and per account.
//!
//! Login and form limits are kept in PostgreSQL (`db::rate_limits`), so every
//! instance behind a load balancer counts the same attempts. Searches are
//! too frequent to write down each one: their limit is kept in this process.

use super::config::RateLimits;
use crate::{db, domain::AppError, server::errors::OrInternal};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota};
use sqlx::PgPool;
use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

pub struct Limiters {
    pool: PgPool,
    limits: RateLimits,
    search_per_ip: DefaultKeyedRateLimiter<IpAddr>,
}

/// How long the caller must wait before trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TryAgainIn(pub Duration);

impl TryAgainIn {
    /// "Too many attempts. Try again in N minutes." (rounded up, at least one).
    pub fn message(self) -> String {
        let minutes = self.0.as_secs().div_ceil(60).max(1);
        format!(
            "Too many attempts. Try again in {}.",
            crate::ui::components::counts::minutes(minutes)
        )
    }
}

/// Allowed, or refused for a while; the outer `Result` is the database's.
pub type Allowance = Result<Result<(), TryAgainIn>, AppError>;

impl Limiters {
    pub fn new(pool: PgPool, limits: RateLimits) -> Arc<Limiters> {
        let per_minute =
            NonZeroU32::new(limits.search_per_ip_per_minute).unwrap_or(NonZeroU32::MIN);
        Arc::new(Limiters {
            pool,
            limits,
            search_per_ip: DefaultKeyedRateLimiter::keyed(Quota::per_minute(per_minute)),
        })
    }

    /// One login attempt from `ip` for `account` (a normalised email). The
    /// account's own limit counts per address, so that nobody can lock a
    /// chosen customer out by failing to log in as them from elsewhere.
    pub async fn login_attempt(&self, ip: IpAddr, account: &str) -> Allowance {
        let limits = self.limits;
        if let Some(wait) = self
            .take(&format!("login:{ip}"), limits.login_per_ip)
            .await?
        {
            return Ok(Err(TryAgainIn(wait)));
        }
        let per_account = self
            .take(&format!("login:{ip}:{account}"), limits.login_per_account)
            .await?;
        Ok(per_account.map_or(Ok(()), |wait| Err(TryAgainIn(wait))))
    }

    /// One submission of a public form (sign-up, forgotten password,
    /// enquiries, applications, "notify me") from `ip`.
    pub async fn form_post(&self, ip: IpAddr) -> Allowance {
        let wait = self
            .take(&format!("form:{ip}"), self.limits.forms_per_ip)
            .await?;
        Ok(wait.map_or(Ok(()), |wait| Err(TryAgainIn(wait))))
    }

    /// One order placed from `ip` for `email` (normalised): stops one
    /// visitor, or one address book, from tying up the shelves.
    pub async fn order_placed(&self, ip: IpAddr, email: &str) -> Allowance {
        let limits = self.limits;
        if let Some(wait) = self
            .take(&format!("order:{ip}"), limits.orders_per_ip)
            .await?
        {
            return Ok(Err(TryAgainIn(wait)));
        }
        let per_email = self
            .take(&format!("order:{email}"), limits.orders_per_email)
            .await?;
        Ok(per_email.map_or(Ok(()), |wait| Err(TryAgainIn(wait))))
    }

    /// One search or suggestion from `ip` (kept in this process).
    pub fn search(&self, ip: IpAddr) -> Result<(), TryAgainIn> {
        self.search_per_ip.check_key(&ip).map_err(|not_until| {
            let now = governor::clock::DefaultClock::default().now();
            TryAgainIn(not_until.wait_time_from(now))
        })
    }

    /// Forgets keys whose allowance is whole again, so memory and the table stay small.
    pub async fn forget_idle(&self) -> sqlx::Result<()> {
        self.search_per_ip.retain_recent();
        db::rate_limits::forget_recovered(&self.pool).await?;
        Ok(())
    }

    async fn take(&self, key: &str, per_window: u32) -> Result<Option<Duration>, AppError> {
        db::rate_limits::take(&self.pool, key, per_window, self.limits.window)
            .await
            .or_internal("checking a rate limit")
    }
}

#[cfg(test)]
mod tests {
    use super::TryAgainIn;
    use std::time::Duration;

    #[test]
    fn the_message_rounds_up_to_whole_minutes() {
        assert_eq!(
            TryAgainIn(Duration::from_secs(61)).message(),
            "Too many attempts. Try again in 2 minutes."
        );
        assert_eq!(
            TryAgainIn(Duration::from_secs(5)).message(),
            "Too many attempts. Try again in 1 minute."
        );
    }
}
