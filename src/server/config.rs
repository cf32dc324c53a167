//! Configuration read once from the environment, with safe defaults.
//! Every variable is listed in `.env.example` and the README.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

#[derive(Clone)]
pub struct Config {
    pub database_url: Secret,
    /// The public address of the site, used in emailed links.
    pub site_url: url::Url,
    pub listen_addr: SocketAddr,
    /// Set the session cookie's `Secure` flag (on when `site_url` is https).
    pub secure_cookies: bool,
    /// `LEPTOS_ENV=PROD`: a live shop.
    pub production: bool,
    /// `smtp://user:pass@host:port` or `smtps://...`; unset writes `.eml` files instead.
    pub smtp_url: Option<Secret>,
    pub mail_dir: PathBuf,
    pub mail_from: String,
    pub log_level: String,
    pub log_json: bool,
    pub limits: RateLimits,
    /// Proxies whose `X-Forwarded-For` / `Forwarded` headers name the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Open live-stock streams allowed per client address and in all.
    pub live_stock_streams: StreamCaps,
    /// Bearer token for `GET /metrics`; unset, the endpoint answers 404.
    pub metrics_token: Option<Secret>,
    /// How long a staff or admin session lasts, and how long it may sit idle.
    pub staff_sessions: super::auth::session_limits::StaffSessionLimits,
    pub shop: ShopSettings,
    pub razorpay: RazorpayConfig,
}

/// Where Razorpay is. The keys are shop settings, edited in the admin.
#[derive(Clone, Debug)]
pub struct RazorpayConfig {
    pub api_url: String,
    pub checkout_js: String,
    /// How long after checkout an unpaid online order is looked up at Razorpay.
    pub reconcile_after: Duration,
}

#[derive(Clone, Copy, Debug)]
pub struct StreamCaps {
    pub per_ip: usize,
    pub total: usize,
}

/// The business settings checkout needs (the admin will edit these later).
#[derive(Clone, Debug)]
pub struct ShopSettings {
    /// The UPI ID payments go to, e.g. `store@okaxis`.
    pub upi_id: String,
    pub upi_payee_name: String,
    /// How long an unpaid UPI order keeps its stock.
    pub upi_order_expiry: Duration,
}

/// How many attempts are allowed in `window` before a caller must wait.
#[derive(Clone, Copy, Debug)]
pub struct RateLimits {
    pub window: Duration,
    pub login_per_ip: u32,
    pub login_per_account: u32,
    pub forms_per_ip: u32,
    pub orders_per_ip: u32,
    pub orders_per_email: u32,
    /// Searches and suggestions per minute from one address.
    pub search_per_ip_per_minute: u32,
}

/// A value that must never appear in logs: `Debug` prints a placeholder.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {name} {problem}")]
pub struct ConfigError {
    name: &'static str,
    problem: String,
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads from any source of variables, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let database_url = get("DATABASE_URL").ok_or(ConfigError {
            name: "DATABASE_URL",
            problem: "is not set (scripts/run sets it for a private database)".into(),
        })?;
        let listen = get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let listen_addr: SocketAddr = listen.parse().map_err(|e| ConfigError {
            name: "LEPTOS_SITE_ADDR",
            problem: format!("is not host:port ({e})"),
        })?;
        let site = get("SITE_URL").unwrap_or_else(|| format!("http://{listen_addr}"));
        let site_url = url::Url::parse(&site).map_err(|e| ConfigError {
            name: "SITE_URL",
            problem: format!("is not a URL ({e})"),
        })?;
        // In production, sessions and passwords must not travel in clear.
        let production = get("LEPTOS_ENV").is_some_and(|v| v.eq_ignore_ascii_case("prod"));
        let http_allowed = match get("ALLOW_HTTP_SITE_URL").as_deref() {
            None => false,
            Some(v) => parse_bool("ALLOW_HTTP_SITE_URL", v)?,
        };
        if production && site_url.scheme() != "https" && !http_allowed {
            return Err(ConfigError {
                name: "SITE_URL",
                problem: format!(
                    "is {site_url}, not https: in production (LEPTOS_ENV=PROD) logins and session \
                     cookies would cross the network unencrypted. Put Haat behind TLS and set \
                     SITE_URL=https://your-shop, or set ALLOW_HTTP_SITE_URL=true to run over \
                     plain http anyway (a machine reached only by you)."
                ),
            });
        }
        let secure_cookies = match get("COOKIE_SECURE").as_deref() {
            None => site_url.scheme() == "https",
            Some(v) => parse_bool("COOKIE_SECURE", v)?,
        };
        let duration = |name: &'static str, default: &str| -> Result<Duration, ConfigError> {
            let value = get(name).unwrap_or_else(|| default.to_string());
            humantime::parse_duration(&value)
                .ok()
                .filter(|d| !d.is_zero())
                .ok_or(ConfigError {
                    name,
                    problem: format!("must be a duration like 12h or 30m, not {value:?}"),
                })
        };
        let limit = |name: &'static str, default: u32| -> Result<u32, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => v.parse().ok().filter(|n| *n > 0).ok_or(ConfigError {
                    name,
                    problem: format!("must be a positive whole number, not {v:?}"),
                }),
            }
        };
        let url_or = |name: &'static str, default: &str| -> Result<String, ConfigError> {
            let value = get(name).unwrap_or_else(|| default.to_string());
            match url::Url::parse(&value) {
                Ok(u) if matches!(u.scheme(), "http" | "https") => Ok(value),
                _ => Err(ConfigError {
                    name,
                    problem: format!("must be an http(s) URL, not {value:?}"),
                }),
            }
        };
        Ok(Config {
            database_url: Secret::new(database_url),
            site_url,
            listen_addr,
            secure_cookies,
            production,
            smtp_url: get("SMTP_URL").map(Secret::new),
            mail_dir: get("MAIL_DIR")
                .unwrap_or_else(|| ".data/mail".into())
                .into(),
            mail_from: get("MAIL_FROM").unwrap_or_else(|| "Haat <no-reply@haat.local>".into()),
            log_level: get("RUST_LOG").unwrap_or_else(|| "info,haat=debug,sqlx=warn".into()),
            log_json: match get("LOG_FORMAT").as_deref() {
                None | Some("text") => false,
                Some("json") => true,
                Some(other) => {
                    return Err(ConfigError {
                        name: "LOG_FORMAT",
                        problem: format!("must be text or json, not {other:?}"),
                    })
                }
            },
            limits: RateLimits {
                window: Duration::from_secs(15 * 60),
                login_per_ip: limit("RATE_LIMIT_LOGIN_PER_IP", 30)?,
                login_per_account: limit("RATE_LIMIT_LOGIN_PER_ACCOUNT", 5)?,
                forms_per_ip: limit("RATE_LIMIT_FORMS_PER_IP", 10)?,
                orders_per_ip: limit("RATE_LIMIT_ORDERS_PER_IP", 20)?,
                orders_per_email: limit("RATE_LIMIT_ORDERS_PER_EMAIL", 10)?,
                search_per_ip_per_minute: limit("RATE_LIMIT_SEARCH_PER_IP", 120)?,
            },
            trusted_proxies: match get("TRUSTED_PROXIES") {
                None => Vec::new(),
                Some(list) => parse_networks(&list)?,
            },
            metrics_token: get("METRICS_TOKEN").map(Secret::new),
            staff_sessions: super::auth::session_limits::StaffSessionLimits {
                lifetime: duration("STAFF_SESSION_LIFETIME", "12h")?,
                idle: duration("STAFF_SESSION_IDLE", "30m")?,
            },
            live_stock_streams: StreamCaps {
                per_ip: limit("LIVE_STOCK_STREAMS_PER_IP", 20)? as usize,
                total: limit("LIVE_STOCK_STREAMS", 5000)? as usize,
            },
            shop: ShopSettings {
                upi_id: match get("UPI_ID") {
                    None => "demo.store@upi".into(),
                    Some(id) if is_upi_id(&id) => id,
                    Some(id) => {
                        return Err(ConfigError {
                            name: "UPI_ID",
                            problem: format!("is not a UPI ID like name@bank, but {id:?}"),
                        })
                    }
                },
                upi_payee_name: get("UPI_PAYEE_NAME").unwrap_or_else(|| "Haat Demo Store".into()),
                upi_order_expiry: Duration::from_secs(
                    60 * u64::from(limit("UPI_ORDER_EXPIRY_MINUTES", 30)?),
                ),
            },
            razorpay: RazorpayConfig {
                api_url: url_or("RAZORPAY_API_URL", "https://api.razorpay.com")?,
                checkout_js: url_or(
                    "RAZORPAY_CHECKOUT_JS",
                    "https://checkout.razorpay.com/v1/checkout.js",
                )?,
                reconcile_after: duration("RAZORPAY_RECONCILE_AFTER", "5m")?,
            },
        })
    }

    /// An absolute link to `path` on this site.
    pub fn link(&self, path: &str) -> String {
        self.site_url
            .join(path)
            .map(String::from)
            .unwrap_or_else(|_| format!("{}{}", self.site_url, path))
    }
}

/// `name@handle`: letters, digits, dots, hyphens and underscores, one `@`.
fn is_upi_id(id: &str) -> bool {
    let allowed = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c))
    };
    matches!(id.split_once('@'), Some((name, handle)) if allowed(name) && allowed(handle) && !handle.contains('@'))
}

/// `10.0.0.1, 10.0.0.0/8, ::1`: addresses or networks, comma-separated.
fn parse_networks(list: &str) -> Result<Vec<ipnet::IpNet>, ConfigError> {
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<ipnet::IpNet>()
                .or_else(|_| entry.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| ConfigError {
                    name: "TRUSTED_PROXIES",
                    problem: format!(
                        "must list addresses or networks like 10.0.0.0/8, not {entry:?}"
                    ),
                })
        })
        .collect()
}

fn parse_bool(name: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(ConfigError {
            name,
            problem: format!("must be true or false, not {value:?}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn cookies_are_secure_exactly_when_the_site_is_https() {
        let db = ("DATABASE_URL", "postgres://x");
        assert!(
            config(&[db, ("SITE_URL", "https://shop.example")])
                .unwrap()
                .secure_cookies
        );
        assert!(!config(&[db]).unwrap().secure_cookies);
        assert!(
            config(&[db, ("COOKIE_SECURE", "true")])
                .unwrap()
                .secure_cookies
        );
    }

    #[test]
    fn production_refuses_an_http_site_url_unless_allowed() {
        let db = ("DATABASE_URL", "postgres://x");
        let prod = ("LEPTOS_ENV", "PROD");
        let refused = config(&[db, prod, ("SITE_URL", "http://shop.example")]);
        assert!(refused.is_err_and(|e| e.to_string().contains("ALLOW_HTTP_SITE_URL")));
        assert!(config(&[db, prod, ("SITE_URL", "https://shop.example")]).is_ok());
        assert!(config(&[db, prod, ("ALLOW_HTTP_SITE_URL", "true")]).is_ok());
        assert!(config(&[db, ("SITE_URL", "http://shop.example")]).is_ok());
    }

    #[test]
    fn staff_sessions_last_twelve_hours_and_thirty_idle_minutes_unless_set() {
        let db = ("DATABASE_URL", "postgres://x");
        let cfg = config(&[db]).unwrap();
        assert_eq!(cfg.staff_sessions.lifetime, Duration::from_secs(12 * 3600));
        assert_eq!(cfg.staff_sessions.idle, Duration::from_secs(30 * 60));
        let cfg = config(&[
            db,
            ("STAFF_SESSION_LIFETIME", "8h"),
            ("STAFF_SESSION_IDLE", "90s"),
        ])
        .unwrap();
        assert_eq!(cfg.staff_sessions.lifetime, Duration::from_secs(8 * 3600));
        assert_eq!(cfg.staff_sessions.idle, Duration::from_secs(90));
        assert!(config(&[db, ("STAFF_SESSION_IDLE", "soon")]).is_err());
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        let db = ("DATABASE_URL", "postgres://x");
        let cfg = config(&[db, ("TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1,::1")]).unwrap();
        assert_eq!(cfg.trusted_proxies.len(), 3);
        assert!(cfg.trusted_proxies[1].contains(&"127.0.0.1".parse::<std::net::IpAddr>().unwrap()));
        assert!(config(&[db]).unwrap().trusted_proxies.is_empty());
        let bad = config(&[db, ("TRUSTED_PROXIES", "my-proxy")]);
        assert!(bad.is_err_and(|e| e.to_string().contains("TRUSTED_PROXIES")));
    }

    #[test]
    fn a_missing_database_url_or_a_bad_address_is_an_error() {
        assert!(config(&[]).is_err());
        assert!(config(&[("DATABASE_URL", "x"), ("LEPTOS_SITE_ADDR", "nowhere")]).is_err());
    }

    #[test]
    fn the_database_url_does_not_print() {
        let cfg = config(&[("DATABASE_URL", "postgres://u:hunter2@h/db")]).unwrap();
        assert!(!format!("{:?}", cfg.database_url).contains("hunter2"));
    }
}
