//! Per-IP and per-account limits on login and the public forms (GCRA from
//! `governor`). Limits are kept in this process: with several instances
//! behind a load balancer each allows its own quota.

use super::config::RateLimits;
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota};
use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

pub struct Limiters {
    login_per_ip: DefaultKeyedRateLimiter<IpAddr>,
    login_per_account: DefaultKeyedRateLimiter<String>,
    forms_per_ip: DefaultKeyedRateLimiter<IpAddr>,
}

/// How long the caller must wait before trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TryAgainIn(pub Duration);

impl TryAgainIn {
    /// "Too many attempts. Try again in N minutes." (rounded up, at least one).
    pub fn message(self) -> String {
        let minutes = self.0.as_secs().div_ceil(60).max(1);
        let unit = if minutes == 1 { "minute" } else { "minutes" };
        format!("Too many attempts. Try again in {minutes} {unit}.")
    }
}

fn quota(per_window: u32, window: Duration) -> Quota {
    let burst = NonZeroU32::new(per_window).unwrap_or(NonZeroU32::MIN);
    // `burst` attempts at once, then one more each window/burst.
    Quota::with_period(window / burst.get())
        .unwrap_or_else(|| Quota::per_second(burst))
        .allow_burst(burst)
}

impl Limiters {
    pub fn new(limits: RateLimits) -> Arc<Limiters> {
        Arc::new(Limiters {
            login_per_ip: DefaultKeyedRateLimiter::keyed(quota(limits.login_per_ip, limits.window)),
            login_per_account: DefaultKeyedRateLimiter::keyed(quota(
                limits.login_per_account,
                limits.window,
            )),
            forms_per_ip: DefaultKeyedRateLimiter::keyed(quota(limits.forms_per_ip, limits.window)),
        })
    }

    /// One login attempt from `ip` for `account` (a normalised email).
    pub fn login_attempt(&self, ip: IpAddr, account: &str) -> Result<(), TryAgainIn> {
        check(&self.login_per_ip, &ip)?;
        check(&self.login_per_account, &account.to_string())
    }

    /// One submission of a public form (sign-up, forgotten password) from `ip`.
    pub fn form_post(&self, ip: IpAddr) -> Result<(), TryAgainIn> {
        check(&self.forms_per_ip, &ip)
    }

    /// Forgets keys whose limits have fully recovered, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.login_per_ip.retain_recent();
        self.login_per_account.retain_recent();
        self.forms_per_ip.retain_recent();
    }
}

fn check<K: std::hash::Hash + Eq + Clone>(
    limiter: &DefaultKeyedRateLimiter<K>,
    key: &K,
) -> Result<(), TryAgainIn> {
    limiter.check_key(key).map_err(|not_until| {
        let now = governor::clock::DefaultClock::default().now();
        TryAgainIn(not_until.wait_time_from(now))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> RateLimits {
        RateLimits {
            window: Duration::from_secs(15 * 60),
            login_per_ip: 100,
            login_per_account: 3,
            forms_per_ip: 2,
        }
    }

    #[test]
    fn an_account_is_locked_after_its_quota_and_others_are_not() {
        let limiters = Limiters::new(limits());
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        for _ in 0..3 {
            assert!(limiters.login_attempt(ip, "a@x.in").is_ok());
        }
        let wait = limiters.login_attempt(ip, "a@x.in").unwrap_err();
        assert!(wait.0 > Duration::from_secs(60) && wait.0 <= Duration::from_secs(300));
        assert!(limiters.login_attempt(ip, "b@x.in").is_ok());
    }

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
