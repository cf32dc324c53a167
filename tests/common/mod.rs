//! Black-box test harness: each test gets a fresh PostgreSQL database with the
//! migrations applied and a real server on a free loopback port.

#![allow(dead_code)] // each test binary uses a different part of the harness

pub mod fake_razorpay;

use haat::server::{config::Config, startup};
use leptos::config::LeptosOptions;
use reqwest::{header::HeaderMap, redirect::Policy, Client, Response};
use sqlx::{postgres::PgPoolOptions, Connection, PgConnection, PgPool};
use std::{net::SocketAddr, path::PathBuf};

pub struct TestApp {
    pub url: String,
    pub pool: PgPool,
    pub mail_dir: PathBuf,
    pub database_url: String,
    /// The server's own state, for running a background job's round at once.
    pub state: haat::server::state::AppState,
}

/// The server's settings for one test; `vars` override the defaults.
#[derive(Default)]
pub struct Settings {
    pub vars: Vec<(&'static str, String)>,
    /// Point the app at a database that does not answer.
    pub broken_database: bool,
    /// Where the built site is (default `target/site`).
    pub site_root: Option<String>,
    /// Serve an existing database (a second instance) instead of a fresh one.
    pub database_url: Option<String>,
}

fn admin_url() -> String {
    std::env::var("DATABASE_URL")
        .expect("DATABASE_URL must point at a PostgreSQL server the tests may create databases on")
}

/// A new, migrated database; returns its URL.
pub async fn fresh_database() -> String {
    let admin = admin_url();
    let mut conn = PgConnection::connect(&admin)
        .await
        .expect("connect to the admin database");
    let name = format!("haat_t_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create the test database");
    // Throw-away: its last commits may be lost in a crash, which makes the
    // suite faster. The cluster itself stays durable (tests/durability.rs).
    sqlx::query(&format!(
        "ALTER DATABASE {name} SET synchronous_commit = off"
    ))
    .execute(&mut conn)
    .await
    .expect("make the test database quick");
    let mut url = url::Url::parse(&admin).expect("DATABASE_URL is a URL");
    url.set_path(&name);
    let url = url.to_string();
    let pool = PgPool::connect(&url)
        .await
        .expect("connect to the test database");
    startup::migrate(&pool).await.expect("migrate");
    pool.close().await;
    url
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Settings::default()).await
}

pub async fn spawn_app_with(settings: Settings) -> TestApp {
    let database_url = if settings.broken_database {
        // Nothing listens on port 1.
        "postgres://haat@127.0.0.1:1/none".to_string()
    } else if let Some(url) = settings.database_url.clone() {
        url
    } else {
        fresh_database().await
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr: SocketAddr = listener.local_addr().expect("address");
    let mail_dir =
        std::env::temp_dir().join(format!("haat-mail-{}", uuid::Uuid::new_v4().simple()));
    let mut vars: Vec<(&str, String)> = vec![
        ("DATABASE_URL", database_url.clone()),
        ("LEPTOS_SITE_ADDR", addr.to_string()),
        ("MAIL_DIR", mail_dir.display().to_string()),
        // Tests place many orders from one address and email; the limits
        // themselves are tested in tests/checkout_abuse.rs with real values.
        ("RATE_LIMIT_ORDERS_PER_IP", "100000".into()),
        ("RATE_LIMIT_ORDERS_PER_EMAIL", "100000".into()),
    ];
    vars.extend(settings.vars);
    let config = Config::from_lookup(|name| {
        vars.iter()
            .rev()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    })
    .expect("test configuration");
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(std::time::Duration::from_secs(2))
        .connect_lazy(&database_url)
        .expect("pool");
    if !settings.broken_database {
        startup::create_settings(&pool, &config)
            .await
            .expect("create the shop settings");
        if settings.database_url.is_none() {
            // See the order limits above.
            sqlx::query("UPDATE settings SET max_unpaid_orders = 100")
                .execute(&pool)
                .await
                .expect("lift the unpaid-order cap");
        }
    }
    let leptos_options = LeptosOptions::builder()
        .output_name("haat")
        .site_root(settings.site_root.unwrap_or_else(|| "target/site".into()))
        .site_addr(addr)
        .build();
    let state = startup::state(config, pool.clone(), leptos_options);
    let shutdown = state.shutdown.clone();
    let app = startup::router(state.clone());
    tokio::spawn(async move {
        let _ = startup::serve(listener, app, shutdown).await;
    });
    TestApp {
        url: format!("http://{addr}"),
        pool,
        mail_dir,
        database_url,
        state,
    }
}

/// Another server instance on `app`'s database, as behind a load balancer.
pub async fn spawn_second_instance(app: &TestApp, vars: Vec<(&'static str, String)>) -> TestApp {
    spawn_app_with(Settings {
        vars,
        database_url: Some(app.database_url.clone()),
        ..Default::default()
    })
    .await
}

/// A client with its own cookie jar that does not follow redirects, like a
/// browser tab whose redirects we want to see.
pub fn browser() -> Client {
    let mut headers = HeaderMap::new();
    // What every current browser sends with a request from our own pages.
    headers.insert(
        "sec-fetch-site",
        "same-origin".parse().expect("a header value"),
    );
    Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// Calls a server function as the hydrated app does (form-encoded, JSON answer).
pub async fn call(client: &Client, app: &TestApp, name: &str, form: &[(&str, &str)]) -> Response {
    client
        .post(format!("{}/api/{name}", app.url))
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .expect("request")
}

pub const PASSWORD: &str = "mango lantern rickshaw 42";

/// Signs up a customer through the real server function; the client is then logged in.
pub async fn sign_up(client: &Client, app: &TestApp, email: &str) -> Response {
    call(
        client,
        app,
        "signup",
        &[
            ("name", "Asha Rao"),
            ("email", email),
            ("mobile", "98765 43210"),
            ("password", PASSWORD),
        ],
    )
    .await
}

pub async fn log_in(client: &Client, app: &TestApp, email: &str, password: &str) -> Response {
    call(
        client,
        app,
        "login",
        &[("email", email), ("password", password), ("next", "")],
    )
    .await
}

/// Who the server thinks this client is: `None` when signed out.
pub async fn whoami(client: &Client, app: &TestApp) -> Option<String> {
    let body: serde_json::Value = call(client, app, "current_user", &[])
        .await
        .json()
        .await
        .expect("json");
    body.get("email")
        .and_then(|e| e.as_str())
        .map(str::to_owned)
}

pub async fn set_role(app: &TestApp, email: &str, role: &str) {
    sqlx::query("UPDATE users SET role = $2 WHERE email = $1")
        .bind(email)
        .bind(role)
        .execute(&app.pool)
        .await
        .expect("set role");
}

pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("haat_session="))
        .map(str::to_owned)
}

/// A server whose database holds the demo shop (catalogue, orders, accounts).
pub async fn spawn_shop() -> TestApp {
    let app = spawn_app().await;
    haat::server::demo::load(&app.pool)
        .await
        .expect("demo data");
    app
}

/// A page as a new visitor gets it: `(status, body)`.
pub async fn page(app: &TestApp, path: &str) -> (u16, String) {
    page_as(&browser(), app, path).await
}

/// A page as `client` (with its cookies) gets it: `(status, body)`.
pub async fn page_as(client: &Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client
        .get(format!("{}{path}", app.url))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("a body"))
}

/// A new guest with `quantity` of the product `sku` in the cart.
pub async fn guest_with_cart(app: &TestApp, sku: &str, quantity: &str) -> Client {
    let guest = browser();
    let (id, _) = product(app, sku).await;
    call(
        &guest,
        app,
        "add_to_cart",
        &[("product_id", &id), ("quantity", quantity)],
    )
    .await;
    guest
}

/// `(id as a form value, stock)` of the product with `sku`.
pub async fn product(app: &TestApp, sku: &str) -> (String, i32) {
    let (id, stock): (i32, i32) = sqlx::query_as("SELECT id, stock FROM products WHERE sku = $1")
        .bind(sku)
        .fetch_one(&app.pool)
        .await
        .expect("a demo product");
    (id.to_string(), stock)
}

/// A guest picking up and paying by UPI; `checkout_form` changes fields of it.
pub async fn stock_of(app: &TestApp, sku: &str) -> i32 {
    product(app, sku).await.1
}

pub const PICKUP_UPI: [(&str, &str); 9] = [
    ("name", "Asha Rao"),
    ("email", "asha@example.in"),
    ("mobile", "9876543210"),
    ("fulfilment", "pickup"),
    ("address", ""),
    ("city", ""),
    ("state", ""),
    ("pin", ""),
    ("payment", "upi"),
];

pub fn checkout_form(
    overrides: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    PICKUP_UPI
        .iter()
        .map(|(k, v)| {
            (
                *k,
                overrides
                    .iter()
                    .find(|(ok, _)| ok == k)
                    .map(|(_, ov)| *ov)
                    .unwrap_or(*v),
            )
        })
        .collect()
}

/// The order reference in a placed order's redirect (`/orders/REF?key=…`).
pub fn order_reference(response: &reqwest::Response) -> String {
    let location = response.headers()["location"].to_str().expect("a redirect");
    let path = location.split('?').next().unwrap_or_default();
    path.trim_start_matches("/orders/").to_string()
}

pub async fn place_order(
    client: &reqwest::Client,
    app: &TestApp,
    form: &[(&str, &str)],
) -> reqwest::Response {
    call(client, app, "place_order", form).await
}

/// A signed-in client whose account has `role` (signed up as a customer,
/// then given the role; sessions read the role on every request).
pub async fn signed_in_as(app: &TestApp, email: &str, role: &str) -> Client {
    let client = browser();
    sign_up(&client, app, email).await;
    set_role(app, email, role).await;
    client
}

/// The `AppError::Invalid` body of a refused form: `(field messages, typed values)`.
pub async fn form_errors(response: Response) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let body: serde_json::Value = response.json().await.expect("an error body");
    let form = &body["Invalid"];
    let pairs = |v: &serde_json::Value| -> Vec<(String, String)> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|p| {
                        (
                            p[0].as_str().unwrap_or("").into(),
                            p[1].as_str().unwrap_or("").into(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    (pairs(&form["fields"]), pairs(&form["values"]))
}
