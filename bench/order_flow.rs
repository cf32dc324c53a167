//! Load for placing an order, which wrk cannot drive: every order needs a cart
//! of its own, so each simulated shopper keeps its session cookie, adds a
//! product, then places the order (cash at pickup), again and again. Only the
//! "place order" requests are timed. The reference route is timed the same
//! way first, so the two figures come from one tool and one run.
//!
//!   cargo run --release --example order_flow -- URL CONNECTIONS SECONDS PRODUCT_ID...
//!
//! Prints one JSON line per measurement, like bench/wrk-report.lua.

use std::time::{Duration, Instant};

use reqwest::Client;

struct Tally {
    latencies: Vec<Duration>,
    errors: u64,
}

fn shopper(origin: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    // What the hydrated page sends; the CSRF check wants our own Origin.
    headers.insert("accept", "application/json".parse().expect("header"));
    headers.insert("origin", origin.parse().expect("origin"));
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client")
}

async fn ok(request: reqwest::RequestBuilder) -> bool {
    match request.send().await {
        Ok(response) => {
            let fine = response.status().is_success() || response.status().is_redirection();
            let _ = response.bytes().await;
            fine
        }
        Err(_) => false,
    }
}

/// One shopper for `run_for`: `place` decides what a timed step is.
async fn shop(origin: String, run_for: Duration, products: Vec<i32>, place: bool) -> Tally {
    let client = shopper(&origin);
    let mut tally = Tally {
        latencies: Vec::new(),
        errors: 0,
    };
    let started = Instant::now();
    let mut n = 0usize;
    while started.elapsed() < run_for {
        if place {
            let product = products[n % products.len()].to_string();
            n += 1;
            let added = client
                .post(format!("{origin}/api/add_to_cart"))
                .form(&[("product_id", product.as_str()), ("quantity", "1")]);
            if !ok(added).await {
                tally.errors += 1;
                continue;
            }
            // A shopper per order: one email may hold only a few unpaid orders.
            let email = format!("bench-{}-{n}@example.in", rand_suffix());
            let order = client.post(format!("{origin}/api/place_order")).form(&[
                ("name", "Bench Shopper"),
                ("email", email.as_str()),
                ("mobile", "9876543210"),
                ("fulfilment", "pickup"),
                ("address", ""),
                ("city", ""),
                ("state", ""),
                ("pin", ""),
                ("payment", "cod"),
            ]);
            let at = Instant::now();
            let fine = ok(order).await;
            tally.latencies.push(at.elapsed());
            tally.errors += u64::from(!fine);
        } else {
            let at = Instant::now();
            let fine = ok(client.get(format!("{origin}/robots.txt"))).await;
            tally.latencies.push(at.elapsed());
            tally.errors += u64::from(!fine);
        }
    }
    tally
}

async fn measure(
    name: &str,
    origin: &str,
    connections: usize,
    run_for: Duration,
    products: &[i32],
) {
    let started = Instant::now();
    let shoppers: Vec<_> = (0..connections)
        .map(|i| {
            let mut mine = products.to_vec();
            mine.rotate_left(i % products.len());
            tokio::spawn(shop(
                origin.to_string(),
                run_for,
                mine,
                name == "place_order",
            ))
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for s in shoppers {
        let tally = s.await.expect("shopper");
        all.extend(tally.latencies);
        errors += tally.errors;
    }
    let elapsed = started.elapsed();
    all.sort();
    let at = |p: f64| {
        all.get(((all.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .map_or(0, |d| d.as_micros())
    };
    println!(
        "{{\"name\": \"{name}\", \"requests\": {}, \"duration_us\": {}, \"p50_us\": {}, \"p99_us\": {}, \"max_us\": {}, \"errors\": {errors}}}",
        all.len(),
        elapsed.as_micros(),
        at(0.50),
        at(0.99),
        all.last().map_or(0, |d| d.as_micros()),
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [origin, connections, seconds, products @ ..] = &args[..] else {
        eprintln!("usage: order_flow URL CONNECTIONS SECONDS PRODUCT_ID...");
        std::process::exit(2);
    };
    let connections: usize = connections.parse().expect("connections");
    let run_for = Duration::from_secs(seconds.parse().expect("seconds"));
    let products: Vec<i32> = products
        .iter()
        .map(|p| p.parse().expect("product id"))
        .collect();
    assert!(!products.is_empty(), "name at least one product id");
    measure("reference", origin, connections, run_for, &products).await;
    measure("place_order", origin, connections, run_for, &products).await;
}

/// Distinguishes the emails of concurrent shoppers.
fn rand_suffix() -> u32 {
    rand::random()
}
