//! Rate-limit allowances kept in PostgreSQL, so that every instance behind a
//! load balancer counts the same attempts (GCRA: one timestamp per key).

use sqlx::PgExecutor;
use std::time::Duration;

/// Takes one attempt from `key`'s allowance of `burst` attempts per `window`.
/// `None` when it is allowed, else how long until the next attempt will be.
pub async fn take(
    pool: impl PgExecutor<'_> + Copy,
    key: &str,
    burst: u32,
    window: Duration,
) -> sqlx::Result<Option<Duration>> {
    let interval = window.as_secs_f64() / f64::from(burst.max(1));
    let window = window.as_secs_f64();
    // The conditional upsert is one atomic step: two instances racing for
    // the last attempt cannot both get it.
    let granted = sqlx::query_scalar!(
        r#"INSERT INTO rate_limits (key, ready_at)
           VALUES ($1, now() + make_interval(secs => $2))
           ON CONFLICT (key) DO UPDATE
              SET ready_at = GREATEST(rate_limits.ready_at, now()) + make_interval(secs => $2)
            WHERE GREATEST(rate_limits.ready_at, now()) + make_interval(secs => $2)
                  <= now() + make_interval(secs => $3)
           RETURNING key"#,
        key,
        interval,
        window,
    )
    .fetch_optional(pool)
    .await?;
    if granted.is_some() {
        return Ok(None);
    }
    let wait = sqlx::query_scalar!(
        r#"SELECT EXTRACT(EPOCH FROM GREATEST(ready_at, now()) - now())::float8
                  + $2 - $3 AS "seconds!"
           FROM rate_limits WHERE key = $1"#,
        key,
        interval,
        window,
    )
    .fetch_optional(pool)
    .await?
    .unwrap_or(interval);
    Ok(Some(Duration::from_secs_f64(wait.max(1.0))))
}

/// Forgets keys whose allowance is whole again.
pub async fn forget_recovered(pool: impl PgExecutor<'_>) -> sqlx::Result<u64> {
    Ok(
        sqlx::query!("DELETE FROM rate_limits WHERE ready_at < now()")
            .execute(pool)
            .await?
            .rows_affected(),
    )
}
