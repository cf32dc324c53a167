//! A loopback server that speaks the part of Razorpay's REST API Haat uses
//! (orders, their payments, payment links, refunds; basic auth with the key
//! id and secret), and plays the customer and Razorpay's side: paying in
//! Checkout or through a payment link, and sending signed webhooks. It can
//! be told to fail a share of requests.

use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use haat::server::razorpay::signature::sign;
use serde_json::{json, Value};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

pub const KEY_ID: &str = "rzp_test_Haat1234Fake";
pub const KEY_SECRET: &str = "key-secret-for-tests";
pub const WEBHOOK_SECRET: &str = "webhook-secret-for-tests";

#[derive(Clone, Debug)]
pub struct FakePayment {
    pub id: String,
    pub amount: i64,
    pub order_id: String,
}

#[derive(Default)]
struct Books {
    seq: u64,
    /// id → (amount, receipt)
    orders: HashMap<String, (i64, String)>,
    payments: Vec<FakePayment>,
    /// id → (amount, reference_id, callback_url, paid by)
    links: HashMap<String, (i64, String, String, Option<String>)>,
    /// (refund id, payment id, amount, our refund id from its notes)
    refunds: Vec<(String, String, i64, String)>,
    fail_percent: u32,
    requests: u32,
}

impl Books {
    fn next(&mut self, prefix: &str) -> String {
        self.seq += 1;
        format!("{prefix}_Fake{:010}", self.seq)
    }
}

#[derive(Clone)]
pub struct FakeRazorpay {
    pub url: String,
    books: Arc<Mutex<Books>>,
}

impl FakeRazorpay {
    pub async fn start() -> FakeRazorpay {
        let books = Arc::new(Mutex::new(Books::default()));
        let app = Router::new()
            .route("/v1/orders", post(create_order))
            .route("/v1/orders/{id}/payments", get(order_payments))
            .route("/v1/payment_links", post(create_link))
            .route("/v1/payment_links/{id}", get(get_link))
            .route("/v1/payments/{id}/refund", post(refund))
            .with_state(books.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeRazorpay { url, books }
    }

    /// The server settings that point Haat at this fake.
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        vec![
            ("RAZORPAY_API_URL", self.url.clone()),
            (
                "RAZORPAY_CHECKOUT_JS",
                format!("{}/v1/checkout.js", self.url),
            ),
        ]
    }

    /// Fails this share of the API requests from now on: half before doing
    /// anything, half after doing the work but losing the answer.
    pub fn fail_percent(&self, percent: u32) {
        self.books.lock().unwrap().fail_percent = percent;
    }

    pub fn requests(&self) -> u32 {
        self.books.lock().unwrap().requests
    }

    /// The customer pays a Razorpay order in Checkout (`amount` defaults to
    /// the order's): returns the payment and the signature Checkout hands
    /// to the page's handler.
    pub fn pay_order(&self, order_id: &str, amount: Option<i64>) -> (FakePayment, String) {
        let mut books = self.books.lock().unwrap();
        let (order_amount, _) = books.orders[order_id].clone();
        let payment = FakePayment {
            id: books.next("pay"),
            amount: amount.unwrap_or(order_amount),
            order_id: order_id.to_string(),
        };
        books.payments.push(payment.clone());
        let signature = sign(KEY_SECRET, format!("{order_id}|{}", payment.id).as_bytes());
        (payment, signature)
    }

    /// The customer pays a payment link: returns the query Razorpay sends
    /// them back to our callback with.
    pub fn pay_link(&self, link_id: &str) -> Vec<(String, String)> {
        let mut books = self.books.lock().unwrap();
        let payment_id = books.next("pay");
        let link_order = books.next("order");
        let (amount, reference, _, _) = books.links[link_id].clone();
        books.payments.push(FakePayment {
            id: payment_id.clone(),
            amount,
            order_id: link_order,
        });
        books.links.get_mut(link_id).unwrap().3 = Some(payment_id.clone());
        let message = format!("{link_id}|{reference}|paid|{payment_id}");
        vec![
            ("razorpay_payment_id".into(), payment_id),
            ("razorpay_payment_link_id".into(), link_id.into()),
            ("razorpay_payment_link_reference_id".into(), reference),
            ("razorpay_payment_link_status".into(), "paid".into()),
            (
                "razorpay_signature".into(),
                sign(KEY_SECRET, message.as_bytes()),
            ),
        ]
    }

    /// The refunds Razorpay was asked for: `(refund id, payment id, amount)`.
    pub fn refunds(&self) -> Vec<(String, String, i64)> {
        self.books
            .lock()
            .unwrap()
            .refunds
            .iter()
            .map(|(id, payment, amount, _)| (id.clone(), payment.clone(), *amount))
            .collect()
    }

    /// A webhook body as Razorpay sends it, and its signature.
    pub fn webhook(event: &str, payload: Value) -> (String, String) {
        let body = json!({
            "entity": "event",
            "account_id": "acc_Fake",
            "event": event,
            "contains": payload.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
            "payload": payload,
            "created_at": 1_767_225_600,
        })
        .to_string();
        let signature = sign(WEBHOOK_SECRET, body.as_bytes());
        (body, signature)
    }

    /// `payment.captured` for a payment.
    pub fn captured(payment: &FakePayment) -> (String, String) {
        Self::webhook(
            "payment.captured",
            json!({ "payment": { "entity": payment_json(payment, "captured") } }),
        )
    }

    /// Delivers a webhook to the app; returns the status it answered.
    pub async fn deliver(app_url: &str, event_id: &str, body: &str, signature: &str) -> u16 {
        reqwest::Client::new()
            .post(format!("{app_url}/webhooks/razorpay"))
            .header("content-type", "application/json")
            .header("x-razorpay-event-id", event_id)
            .header("x-razorpay-signature", signature)
            .body(body.to_string())
            .send()
            .await
            .expect("deliver a webhook")
            .status()
            .as_u16()
    }
}

fn payment_json(payment: &FakePayment, status: &str) -> Value {
    json!({
        "id": payment.id,
        "entity": "payment",
        "amount": payment.amount,
        "currency": "INR",
        "status": status,
        "order_id": payment.order_id,
        "method": "upi",
        "captured": status == "captured",
        "notes": [],
    })
}

type Shared = State<Arc<Mutex<Books>>>;

/// Checks basic auth, counts the request and rolls for a failure: `Err`
/// answers at once, `Ok(true)` means "do the work, then lose the answer".
fn admit(books: &mut Books, headers: &HeaderMap) -> Result<bool, (StatusCode, &'static str)> {
    books.requests += 1;
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth != expected_auth() {
        return Err((StatusCode::UNAUTHORIZED, "Authentication failed"));
    }
    let roll = rand::random::<u32>() % 100;
    if roll < books.fail_percent / 2 {
        return Err((StatusCode::BAD_GATEWAY, "upstream failed"));
    }
    Ok(roll < books.fail_percent)
}

fn lost() -> Response {
    (StatusCode::GATEWAY_TIMEOUT, "the answer was lost").into_response()
}

/// `Basic base64(key_id:key_secret)`, as Razorpay expects it.
fn expected_auth() -> String {
    use base64::Engine;
    let pair = format!("{KEY_ID}:{KEY_SECRET}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

async fn create_order(
    State(books): Shared,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let mut books = books.lock().unwrap();
    let lose = match admit(&mut books, &headers) {
        Ok(lose) => lose,
        Err(refusal) => return refusal.into_response(),
    };
    let (Some(amount), Some(receipt)) = (body["amount"].as_i64(), body["receipt"].as_str()) else {
        return (StatusCode::BAD_REQUEST, "amount and receipt are required").into_response();
    };
    // Haat asks for payments to be captured at once; this fake only does that.
    if body["payment_capture"] != 1 {
        return (StatusCode::BAD_REQUEST, "payment_capture must be 1").into_response();
    }
    if body["currency"] != "INR" || amount < 100 {
        return (StatusCode::BAD_REQUEST, "bad amount or currency").into_response();
    }
    let id = books.next("order");
    books
        .orders
        .insert(id.clone(), (amount, receipt.to_string()));
    if lose {
        return lost();
    }
    Json(json!({
        "id": id, "entity": "order", "amount": amount, "amount_paid": 0, "amount_due": amount,
        "currency": "INR", "receipt": receipt, "status": "created", "attempts": 0,
        "notes": body["notes"], "created_at": 1_767_225_600,
    }))
    .into_response()
}

async fn order_payments(
    State(books): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut books = books.lock().unwrap();
    match admit(&mut books, &headers) {
        Ok(false) => {}
        Ok(true) => return lost(),
        Err(refusal) => return refusal.into_response(),
    }
    if !books.orders.contains_key(&id) {
        return (StatusCode::BAD_REQUEST, "The id provided does not exist").into_response();
    }
    let items: Vec<Value> = books
        .payments
        .iter()
        .filter(|p| p.order_id == id)
        .map(|p| payment_json(p, "captured"))
        .collect();
    Json(json!({ "entity": "collection", "count": items.len(), "items": items })).into_response()
}

async fn create_link(
    State(books): Shared,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let mut books = books.lock().unwrap();
    let lose = match admit(&mut books, &headers) {
        Ok(lose) => lose,
        Err(refusal) => return refusal.into_response(),
    };
    let (Some(amount), Some(reference), Some(callback)) = (
        body["amount"].as_i64(),
        body["reference_id"].as_str(),
        body["callback_url"].as_str(),
    ) else {
        return (
            StatusCode::BAD_REQUEST,
            "amount, reference_id and callback_url are required",
        )
            .into_response();
    };
    if books.links.values().any(|(_, r, _, _)| r == reference) {
        return (StatusCode::BAD_REQUEST, "reference_id already exists").into_response();
    }
    let id = books.next("plink");
    books.links.insert(
        id.clone(),
        (amount, reference.to_string(), callback.to_string(), None),
    );
    if lose {
        return lost();
    }
    Json(json!({
        "id": id, "amount": amount, "currency": "INR", "reference_id": reference,
        "short_url": format!("https://rzp.io/i/{id}"), "status": "created",
    }))
    .into_response()
}

async fn get_link(State(books): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let mut books = books.lock().unwrap();
    match admit(&mut books, &headers) {
        Ok(false) => {}
        Ok(true) => return lost(),
        Err(refusal) => return refusal.into_response(),
    }
    let Some((amount, reference, _, paid_by)) = books.links.get(&id).cloned() else {
        return (StatusCode::BAD_REQUEST, "The id provided does not exist").into_response();
    };
    let payments: Vec<Value> = paid_by
        .iter()
        .map(
            |p| json!({ "payment_id": p, "amount": amount, "status": "captured", "method": "upi" }),
        )
        .collect();
    Json(json!({
        "id": id, "amount": amount, "reference_id": reference,
        "status": if paid_by.is_some() { "paid" } else { "created" },
        "short_url": format!("https://rzp.io/i/{id}"),
        "payments": if payments.is_empty() { Value::Null } else { Value::from(payments) },
    }))
    .into_response()
}

async fn refund(
    State(books): Shared,
    headers: HeaderMap,
    Path(payment_id): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let mut books = books.lock().unwrap();
    let lose = match admit(&mut books, &headers) {
        Ok(lose) => lose,
        Err(refusal) => return refusal.into_response(),
    };
    let Some(payment) = books.payments.iter().find(|p| p.id == payment_id).cloned() else {
        return (StatusCode::BAD_REQUEST, "The id provided does not exist").into_response();
    };
    let amount = body["amount"].as_i64().unwrap_or(payment.amount);
    let refunded: i64 = books
        .refunds
        .iter()
        .filter(|r| r.1 == payment_id)
        .map(|r| r.2)
        .sum();
    if refunded + amount > payment.amount {
        return (
            StatusCode::BAD_REQUEST,
            "The refund amount exceeds the payment",
        )
            .into_response();
    }
    let id = books.next("rfnd");
    let ours = body["notes"]["haat_refund"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    books
        .refunds
        .push((id.clone(), payment_id.clone(), amount, ours));
    if lose {
        return lost();
    }
    Json(json!({
        "id": id, "entity": "refund", "amount": amount, "currency": "INR",
        "payment_id": payment_id, "notes": body["notes"], "status": "pending",
    }))
    .into_response()
}

/// `refund.processed` for a refund the fake made.
pub fn refund_processed(fake: &FakeRazorpay, refund_id: &str) -> (String, String) {
    let books = fake.books.lock().unwrap();
    let (id, payment, amount, ours) = books
        .refunds
        .iter()
        .find(|r| r.0 == refund_id)
        .cloned()
        .expect("a refund the fake made");
    FakeRazorpay::webhook(
        "refund.processed",
        json!({ "refund": { "entity": {
            "id": id, "entity": "refund", "amount": amount, "currency": "INR",
            "payment_id": payment, "notes": { "haat_refund": ours }, "status": "processed",
        } } }),
    )
}

/// Saves the fake's keys in the shop's settings and offers online payment.
pub async fn enable_on(app: &super::TestApp) {
    sqlx::query(
        "UPDATE settings SET razorpay_enabled = true, razorpay_key_id = $1,
                razorpay_key_secret = $2, razorpay_webhook_secret = $3",
    )
    .bind(KEY_ID)
    .bind(KEY_SECRET)
    .bind(WEBHOOK_SECRET)
    .execute(&app.pool)
    .await
    .expect("save the keys");
    app.state.site.forget();
}
