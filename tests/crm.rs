//! The CRM over HTTP: who may use it, entering leads (with the duplicate
//! warning), stages and reasons, assignment, the timeline, follow-ups, the
//! website's enquiry forms, and partners seeing only their own leads.

mod common;

use common::*;
use reqwest::Client;
use serde_json::Value;

/// A signed-in partner with a partner record (as approval makes one).
async fn partner(app: &TestApp, email: &str, code: &str) -> Client {
    let client = signed_in_as(app, email, "partner").await;
    sqlx::query(
        "WITH a AS (
            INSERT INTO partner_applications (kind, name, email, mobile, city, upi_id, status, decided_at)
            VALUES ('ipp', 'Asha Rao', $1, '9876543210', 'Pune', 'asha@okaxis', 'approved', now())
            RETURNING id)
         INSERT INTO partners (user_id, application_id, kind, referral_code, commission_bp, upi_id)
         SELECT u.id, a.id, 'ipp', $2, 500, 'asha@okaxis' FROM users u, a WHERE u.email = $1",
    )
    .bind(email)
    .bind(code)
    .execute(&app.pool)
    .await
    .unwrap();
    client
}

async fn sales(app: &TestApp, email: &str) -> Client {
    let client = signed_in_as(app, email, "staff").await;
    sqlx::query("UPDATE users SET staff_role = 'sales' WHERE email = $1")
        .bind(email)
        .execute(&app.pool)
        .await
        .unwrap();
    client
}

fn lead(name: &'static str, mobile: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", name),
        ("mobile", mobile),
        ("email", ""),
        ("company", "Patil Traders"),
        ("city", "Pune"),
        ("interest", "Monthly groceries for 40 staff"),
        ("estimated_value", "25,000"),
    ]
}

/// Creates a lead and returns its id (from the redirect to its page).
async fn create(app: &TestApp, client: &Client, form: &[(&str, &str)]) -> String {
    let created = call(client, app, "crm/create_lead", form).await;
    assert_eq!(created.status(), 200, "{}", created.text().await.unwrap());
    created.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/crm/leads/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn board(app: &TestApp, client: &Client) -> Value {
    call(client, app, "crm/board", &[])
        .await
        .json()
        .await
        .unwrap()
}

fn names(board: &Value) -> Vec<String> {
    board["leads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn only_sales_managers_admins_and_partners_reach_the_crm() {
    let app = spawn_app().await;
    assert_eq!(call(&browser(), &app, "crm/board", &[]).await.status(), 401);
    let customer = signed_in_as(&app, "asha@example.in", "customer").await;
    assert_eq!(call(&customer, &app, "crm/board", &[]).await.status(), 403);
    let pharmacist = signed_in_as(&app, "meena@example.in", "staff").await;
    assert_eq!(
        call(&pharmacist, &app, "crm/board", &[]).await.status(),
        403
    );
    let seller = sales(&app, "sunil@example.in").await;
    assert_eq!(call(&seller, &app, "crm/board", &[]).await.status(), 200);
    let admin = signed_in_as(&app, "vikram@example.in", "admin").await;
    assert_eq!(call(&admin, &app, "crm/board", &[]).await.status(), 200);
}

#[tokio::test]
async fn a_lead_moves_through_the_stages_and_its_timeline_records_each_step() {
    let app = spawn_app().await;
    let seller = sales(&app, "sunil@example.in").await;
    let id = create(&app, &seller, &lead("Ramesh Patil", "98220 55555")).await;
    for stage in ["contacted", "qualified"] {
        let moved = call(
            &seller,
            &app,
            "crm/move_lead",
            &[("id", &id), ("stage", stage)],
        )
        .await;
        assert_eq!(moved.status(), 200);
    }
    // Lost needs a reason.
    let no_reason = call(
        &seller,
        &app,
        "crm/move_lead",
        &[("id", &id), ("stage", "lost")],
    )
    .await;
    let (fields, _) = form_errors(no_reason).await;
    assert_eq!(
        fields,
        [(
            format!("lost_reason-{id}"),
            "Say why the lead was lost.".to_string()
        )]
    );
    call(
        &seller,
        &app,
        "crm/move_lead",
        &[
            ("id", &id),
            ("stage", "lost"),
            ("lost_reason", "Chose a wholesaler"),
        ],
    )
    .await;
    call(
        &seller,
        &app,
        "crm/add_note",
        &[
            ("id", &id),
            ("kind", "call"),
            ("body", "Called back; will try again in March."),
        ],
    )
    .await;
    let detail: Value = call(&seller, &app, "crm/lead", &[("id", &id)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["lead"]["stage"], "Lost");
    assert_eq!(detail["lead"]["lost_reason"], "Chose a wholesaler");
    let steps: Vec<String> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                e["kind"].as_str().unwrap(),
                e["body"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            "created: From staff",
            "stage: new → contacted",
            "stage: contacted → qualified",
            "stage: qualified → lost: Chose a wholesaler",
            "call: Called back; will try again in March.",
        ]
    );
}

#[tokio::test]
async fn a_second_lead_with_the_same_mobile_is_pointed_out_and_can_be_added_anyway() {
    let app = spawn_app().await;
    let seller = sales(&app, "sunil@example.in").await;
    let first = create(&app, &seller, &lead("Ramesh Patil", "98220 55555")).await;
    let again = call(
        &seller,
        &app,
        "crm/create_lead",
        &lead("R. Patil", "+91 9822055555"),
    )
    .await;
    let (fields, values) = form_errors(again).await;
    assert_eq!(fields[0].0, "mobile");
    assert!(
        fields[0]
            .1
            .contains(&format!("Lead #{first}, Ramesh Patil")),
        "{fields:?}"
    );
    assert!(values.contains(&("name".into(), "R. Patil".into())));
    let mut anyway = lead("R. Patil", "+91 9822055555");
    anyway.push(("duplicate_ok", "on"));
    create(&app, &seller, &anyway).await;
    assert_eq!(names(&board(&app, &seller).await).len(), 2);
}

#[tokio::test]
async fn partners_see_only_leads_they_brought_or_were_given_and_cannot_touch_others() {
    let app = spawn_app().await;
    let seller = sales(&app, "sunil@example.in").await;
    let a = partner(&app, "kavita@clinic.in", "KAVITA01").await;
    let b = partner(&app, "suresh@chemist.in", "SURESH01").await;
    let brought_by_a = create(&app, &a, &lead("Neha Kulkarni", "98220 11111")).await;
    let for_b = create(&app, &seller, &lead("Omkar Joshi", "98220 22222")).await;
    let staff_only = create(&app, &seller, &lead("Farah Shaikh", "98220 33333")).await;
    let b_id: String =
        sqlx::query_scalar("SELECT id::text FROM users WHERE email = 'suresh@chemist.in'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let assigned = call(
        &seller,
        &app,
        "crm/assign_lead",
        &[("id", &for_b), ("assignee", &b_id)],
    )
    .await;
    assert_eq!(assigned.status(), 200);
    assert!(sqlx::query_scalar::<_, i64>(
        "SELECT count(*) FROM email_outbox WHERE to_address = 'suresh@chemist.in' AND subject = 'New lead for you: Omkar Joshi'"
    )
    .fetch_one(&app.pool)
    .await
    .unwrap() == 1);

    assert_eq!(names(&board(&app, &a).await), ["Neha Kulkarni"]);
    assert_eq!(names(&board(&app, &b).await), ["Omkar Joshi"]);
    assert_eq!(names(&board(&app, &seller).await).len(), 3);

    // B reaches none of A's or the staff's leads, even by calling directly.
    for id in [&brought_by_a, &staff_only] {
        assert_eq!(
            call(&b, &app, "crm/lead", &[("id", id)]).await.status(),
            404
        );
        assert_eq!(
            call(
                &b,
                &app,
                "crm/move_lead",
                &[("id", id), ("stage", "contacted")]
            )
            .await
            .status(),
            404
        );
        assert_eq!(
            call(
                &b,
                &app,
                "crm/add_note",
                &[("id", id), ("kind", "note"), ("body", "mine now")]
            )
            .await
            .status(),
            404
        );
        assert_eq!(
            call(
                &b,
                &app,
                "crm/follow_up",
                &[("id", id), ("on", "2026-12-01")]
            )
            .await
            .status(),
            404
        );
    }
    // Partners cannot hand leads around.
    assert_eq!(
        call(
            &b,
            &app,
            "crm/assign_lead",
            &[("id", &for_b), ("assignee", "")]
        )
        .await
        .status(),
        403
    );
    let untouched: (String, i64) = sqlx::query_as(
        "SELECT stage, (SELECT count(*) FROM lead_events e WHERE e.lead_id = l.id) FROM leads l WHERE id = $1",
    )
    .bind(brought_by_a.parse::<i64>().unwrap())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(untouched, ("new".into(), 1));
}

#[tokio::test]
async fn a_won_lead_earns_the_partner_who_brought_it_the_fixed_reward_once() {
    let app = spawn_app().await;
    let seller = sales(&app, "sunil@example.in").await;
    let a = partner(&app, "kavita@clinic.in", "KAVITA01").await;
    let id = create(&app, &a, &lead("Neha Kulkarni", "98220 11111")).await;
    for _ in 0..2 {
        call(
            &seller,
            &app,
            "crm/move_lead",
            &[("id", &id), ("stage", "won")],
        )
        .await;
    }
    let rewards: Vec<(i64, String)> =
        sqlx::query_as("SELECT amount_paise, status FROM commissions WHERE lead_id = $1")
            .bind(id.parse::<i64>().unwrap())
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(rewards, [(50_000, "pending".to_string())]);
}

#[tokio::test]
async fn a_partner_learns_only_that_a_lead_is_known_not_whose_it_is() {
    let app = spawn_app().await;
    let seller = sales(&app, "sunil@example.in").await;
    create(&app, &seller, &lead("Farah Shaikh", "98220 33333")).await;
    let a = partner(&app, "kavita@clinic.in", "KAVITA01").await;
    let refused = call(
        &a,
        &app,
        "crm/create_lead",
        &lead("F. Shaikh", "98220 33333"),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let (fields, _) = form_errors(refused).await;
    let message = &fields
        .iter()
        .find(|(f, _)| f == "mobile")
        .expect("beside the mobile")
        .1;
    assert!(message.contains("already has a lead"), "{message}");
    assert!(
        !message.contains("Farah") && !message.contains('#'),
        "{message}"
    );
    // Staff are told which lead it is.
    let refused = call(
        &seller,
        &app,
        "crm/create_lead",
        &lead("F. Shaikh", "98220 33333"),
    )
    .await;
    let (fields, _) = form_errors(refused).await;
    assert!(
        fields.iter().any(|(_, m)| m.contains("Farah Shaikh")),
        "{fields:?}"
    );
}

#[tokio::test]
async fn a_partner_cannot_close_their_own_lead_or_earn_its_reward() {
    let app = spawn_app().await;
    let a = partner(&app, "kavita@clinic.in", "KAVITA01").await;
    let id = create(&app, &a, &lead("Neha Kulkarni", "98220 11111")).await;
    for stage in ["won", "lost"] {
        let moved = call(
            &a,
            &app,
            "crm/move_lead",
            &[
                ("id", &id),
                ("stage", stage),
                ("lost_reason", "went elsewhere"),
            ],
        )
        .await;
        assert_eq!(moved.status(), 422, "{stage}");
        let (fields, _) = form_errors(moved).await;
        assert!(
            fields
                .iter()
                .any(|(f, m)| f == &format!("stage-{id}") && m.contains("sales team")),
            "{fields:?}"
        );
    }
    // Open stages are still theirs to set.
    let moved = call(
        &a,
        &app,
        "crm/move_lead",
        &[("id", &id), ("stage", "contacted")],
    )
    .await;
    assert_eq!(moved.status(), 200);
    // Once the shop has decided, the partner cannot move it back.
    let seller = sales(&app, "sunil@example.in").await;
    call(
        &seller,
        &app,
        "crm/move_lead",
        &[("id", &id), ("stage", "won")],
    )
    .await;
    let reopened = call(&a, &app, "crm/move_lead", &[("id", &id), ("stage", "new")]).await;
    assert_eq!(reopened.status(), 404);
    let stage: String = sqlx::query_scalar("SELECT stage FROM leads WHERE id = $1")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stage, "won");
    // One reward, from the salesperson's decision.
    let rewards: i64 = sqlx::query_scalar("SELECT count(*) FROM commissions WHERE lead_id = $1")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rewards, 1);
}

#[tokio::test]
async fn follow_ups_due_today_are_listed_and_impossible_dates_refused() {
    let app = spawn_app().await;
    let seller = sales(&app, "sunil@example.in").await;
    let due = create(&app, &seller, &lead("Ramesh Patil", "98220 55555")).await;
    let later = create(&app, &seller, &lead("Neha Kulkarni", "98220 11111")).await;
    let today: String =
        sqlx::query_scalar("SELECT to_char(now() AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD')")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    call(
        &seller,
        &app,
        "crm/follow_up",
        &[("id", &due), ("on", &today)],
    )
    .await;
    call(
        &seller,
        &app,
        "crm/follow_up",
        &[("id", &later), ("on", "2999-01-01")],
    )
    .await;
    let board = board(&app, &seller).await;
    let due_today: Vec<&str> = board["leads"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["follow_up_due"] == true)
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(due_today, ["Ramesh Patil"]);
    let impossible = call(
        &seller,
        &app,
        "crm/follow_up",
        &[("id", &due), ("on", "2026-02-30")],
    )
    .await;
    let (fields, values) = form_errors(impossible).await;
    assert_eq!(fields[0].0, "on");
    assert_eq!(values[0].1, "2026-02-30");
}

#[tokio::test]
async fn the_website_forms_become_leads_and_confirm_by_email() {
    let app = spawn_app().await;
    let _seller = sales(&app, "sunil@example.in").await;
    let visitor = browser();
    let booked = call(
        &visitor,
        &app,
        "send_enquiry",
        &[
            ("kind", "consultation"),
            ("name", "Meera Joshi"),
            ("mobile", ""),
            ("email", "meera@example.in"),
            ("interest", "Diabetes care supplies for my father"),
            ("preferred_date", "2026-12-05"),
        ],
    )
    .await;
    assert_eq!(booked.status(), 200, "{}", booked.text().await.unwrap());
    let (source, follow_up): (String, String) = sqlx::query_as(
        "SELECT source, follow_up_on::text FROM leads WHERE email = 'meera@example.in'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (source.as_str(), follow_up.as_str()),
        ("consultation", "2026-12-05")
    );
    let subjects: Vec<(String, String)> =
        sqlx::query_as("SELECT to_address, subject FROM email_outbox ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(subjects.contains(&(
        "meera@example.in".into(),
        "Your consultation is booked".into()
    )));
    assert!(subjects.contains(&("sunil@example.in".into(), "New enquiry: Meera Joshi".into())));

    // A consultation without a day, or a message with no way to reply, is refused.
    let refused = call(
        &visitor,
        &app,
        "send_enquiry",
        &[
            ("kind", "consultation"),
            ("name", "Meera Joshi"),
            ("mobile", ""),
            ("email", ""),
            ("interest", ""),
            ("preferred_date", ""),
        ],
    )
    .await;
    let (fields, _) = form_errors(refused).await;
    let fields: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["mobile", "interest", "preferred_date"]);
}

#[tokio::test]
async fn a_won_lead_becomes_a_customer_account_with_a_link_to_choose_a_password() {
    let app = spawn_app().await;
    let seller = sales(&app, "sunil@example.in").await;
    let mut form = lead("Ramesh Patil", "98220 55555");
    form[2] = ("email", "ramesh@patiltraders.in");
    let id = create(&app, &seller, &form).await;
    let early = call(&seller, &app, "crm/convert_lead", &[("id", &id)]).await;
    assert_eq!(early.status(), 422, "a lead that is not won stays a lead");
    call(
        &seller,
        &app,
        "crm/move_lead",
        &[("id", &id), ("stage", "won")],
    )
    .await;
    let converted = call(&seller, &app, "crm/convert_lead", &[("id", &id)]).await;
    assert_eq!(
        converted.status(),
        200,
        "{}",
        converted.text().await.unwrap()
    );
    let (role, linked): (String, bool) = sqlx::query_as(
        "SELECT u.role, l.customer_id = u.id FROM users u, leads l
         WHERE u.email = 'ramesh@patiltraders.in' AND l.id = $1",
    )
    .bind(id.parse::<i64>().unwrap())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((role.as_str(), linked), ("customer", true));
    let body: String = sqlx::query_scalar(
        "SELECT body_text FROM email_outbox WHERE to_address = 'ramesh@patiltraders.in'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(body.contains("/reset-password?token="), "{body}");
}
