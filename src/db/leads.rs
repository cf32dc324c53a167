//! Leads and their timelines. Who may see a lead is decided here, in the
//! WHERE clause of every read and write: staff see every lead, a partner
//! only those assigned to them or submitted by them.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// Whose eyes a query is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Staff,
    Partner(Uuid),
}

impl Viewer {
    /// The partner to restrict to, or `None` for staff.
    fn partner(self) -> Option<Uuid> {
        match self {
            Viewer::Staff => None,
            Viewer::Partner(id) => Some(id),
        }
    }
}

pub struct NewLead<'a> {
    pub name: &'a str,
    pub mobile: Option<&'a str>,
    pub email: Option<&'a str>,
    pub company: &'a str,
    pub city: &'a str,
    pub source: &'a str,
    pub interest: &'a str,
    pub estimated_value_paise: Option<i64>,
    pub submitted_by: Option<Uuid>,
    pub assigned_to: Option<Uuid>,
    pub follow_up_on: Option<time::Date>,
}

pub async fn insert(
    tx: &mut PgConnection,
    lead: NewLead<'_>,
    actor: Option<Uuid>,
) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar!(
        "INSERT INTO leads (name, mobile, email, company, city, source, interest,
                            estimated_value_paise, submitted_by, assigned_to, follow_up_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        lead.name,
        lead.mobile,
        lead.email,
        lead.company,
        lead.city,
        lead.source,
        lead.interest,
        lead.estimated_value_paise,
        lead.submitted_by,
        lead.assigned_to,
        lead.follow_up_on
    )
    .fetch_one(&mut *tx)
    .await?;
    add_event(
        &mut *tx,
        id,
        "created",
        &format!("From {}", lead.source),
        actor,
    )
    .await?;
    Ok(id)
}

/// `(id, name, stage)` of leads with the same mobile number or email.
pub async fn matching(
    db: impl PgExecutor<'_>,
    mobile: Option<&str>,
    email: Option<&str>,
) -> sqlx::Result<Vec<(i64, String, String)>> {
    let rows = sqlx::query!(
        "SELECT id, name, stage FROM leads
         WHERE (mobile = $1 AND $1 IS NOT NULL) OR (email = $2 AND $2 IS NOT NULL)
         ORDER BY id LIMIT 5",
        mobile,
        email
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name, r.stage)).collect())
}

pub async fn add_event(
    db: impl PgExecutor<'_>,
    lead_id: i64,
    kind: &str,
    body: &str,
    actor: Option<Uuid>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO lead_events (lead_id, kind, body, actor_id) VALUES ($1, $2, $3, $4)",
        lead_id,
        kind,
        body,
        actor
    )
    .execute(db)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct LeadRow {
    pub id: i64,
    pub name: String,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub company: String,
    pub city: String,
    pub source: String,
    pub interest: String,
    pub estimated_value_paise: Option<i64>,
    pub stage: String,
    pub lost_reason: Option<String>,
    pub assigned_to: Option<Uuid>,
    pub assignee_name: Option<String>,
    pub submitted_by_name: Option<String>,
    pub follow_up_on: Option<String>,
    pub follow_up_due: bool,
    pub customer_id: Option<Uuid>,
}

/// Every lead the viewer may see, most recently changed first.
pub async fn visible(db: impl PgExecutor<'_>, viewer: Viewer) -> sqlx::Result<Vec<LeadRow>> {
    sqlx::query_as!(
        LeadRow,
        r#"SELECT l.id, l.name, l.mobile, l.email, l.company, l.city, l.source, l.interest,
                  l.estimated_value_paise, l.stage, l.lost_reason, l.assigned_to,
                  a.name AS "assignee_name?", s.name AS "submitted_by_name?",
                  to_char(l.follow_up_on, 'YYYY-MM-DD') AS follow_up_on,
                  coalesce(l.follow_up_on <= (now() AT TIME ZONE 'Asia/Kolkata')::date, false) AS "follow_up_due!",
                  l.customer_id
           FROM leads l
           LEFT JOIN users a ON a.id = l.assigned_to
           LEFT JOIN users s ON s.id = l.submitted_by
           WHERE $1::uuid IS NULL OR l.assigned_to = $1 OR l.submitted_by = $1
           ORDER BY l.updated_at DESC, l.id DESC
           LIMIT 500"#,
        viewer.partner()
    )
    .fetch_all(db)
    .await
}

/// One lead, if the viewer may see it.
pub async fn get(
    db: impl PgExecutor<'_>,
    id: i64,
    viewer: Viewer,
) -> sqlx::Result<Option<LeadRow>> {
    sqlx::query_as!(
        LeadRow,
        r#"SELECT l.id, l.name, l.mobile, l.email, l.company, l.city, l.source, l.interest,
                  l.estimated_value_paise, l.stage, l.lost_reason, l.assigned_to,
                  a.name AS "assignee_name?", s.name AS "submitted_by_name?",
                  to_char(l.follow_up_on, 'YYYY-MM-DD') AS follow_up_on,
                  coalesce(l.follow_up_on <= (now() AT TIME ZONE 'Asia/Kolkata')::date, false) AS "follow_up_due!",
                  l.customer_id
           FROM leads l
           LEFT JOIN users a ON a.id = l.assigned_to
           LEFT JOIN users s ON s.id = l.submitted_by
           WHERE l.id = $1 AND ($2::uuid IS NULL OR l.assigned_to = $2 OR l.submitted_by = $2)"#,
        id,
        viewer.partner()
    )
    .fetch_optional(db)
    .await
}

pub struct EventRow {
    pub kind: String,
    pub body: String,
    pub actor: Option<String>,
    pub at: String,
}

pub async fn timeline(db: impl PgExecutor<'_>, lead_id: i64) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as!(
        EventRow,
        r#"SELECT e.kind, e.body, u.name AS "actor?",
                  to_char(e.at AT TIME ZONE 'Asia/Kolkata', 'DD Mon YYYY, HH24:MI') AS "at!"
           FROM lead_events e LEFT JOIN users u ON u.id = e.actor_id
           WHERE e.lead_id = $1 ORDER BY e.at, e.id"#,
        lead_id
    )
    .fetch_all(db)
    .await
}

/// Moves a lead to `stage` (with the reason when lost) and records it;
/// `None` when the viewer may not change it, else the stage it left.
pub async fn move_to(
    tx: &mut PgConnection,
    id: i64,
    stage: &str,
    lost_reason: Option<&str>,
    viewer: Viewer,
    actor: Uuid,
) -> sqlx::Result<Option<String>> {
    // A partner sees closed leads but cannot move them (the shop decided).
    let before = sqlx::query_scalar!(
        "SELECT stage FROM leads
         WHERE id = $1
           AND ($2::uuid IS NULL
                OR ((assigned_to = $2 OR submitted_by = $2) AND stage NOT IN ('won', 'lost')))
         FOR UPDATE",
        id,
        viewer.partner()
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(before) = before else {
        return Ok(None);
    };
    if before != stage {
        sqlx::query!(
            "UPDATE leads SET stage = $2, lost_reason = $3, updated_at = now() WHERE id = $1",
            id,
            stage,
            lost_reason
        )
        .execute(&mut *tx)
        .await?;
        let body = match lost_reason {
            Some(reason) => format!("{before} → {stage}: {reason}"),
            None => format!("{before} → {stage}"),
        };
        add_event(&mut *tx, id, "stage", &body, Some(actor)).await?;
    }
    Ok(Some(before))
}

pub async fn assign(
    tx: &mut PgConnection,
    id: i64,
    assignee: Option<Uuid>,
    actor: Uuid,
) -> sqlx::Result<bool> {
    let name = sqlx::query_scalar!(
        r#"UPDATE leads l SET assigned_to = $2, updated_at = now()
           WHERE l.id = $1
           RETURNING (SELECT name FROM users WHERE id = $2) AS "name?""#,
        id,
        assignee
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(name) = name else {
        return Ok(false);
    };
    let body = name.map_or_else(|| "Unassigned".to_string(), |n| format!("Assigned to {n}"));
    add_event(&mut *tx, id, "assigned", &body, Some(actor)).await?;
    Ok(true)
}

pub async fn set_follow_up(
    tx: &mut PgConnection,
    id: i64,
    on: Option<time::Date>,
    viewer: Viewer,
    actor: Uuid,
) -> sqlx::Result<bool> {
    let updated = sqlx::query!(
        "UPDATE leads SET follow_up_on = $2, updated_at = now()
         WHERE id = $1 AND ($3::uuid IS NULL OR assigned_to = $3 OR submitted_by = $3)",
        id,
        on,
        viewer.partner()
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if updated {
        let body = on.map_or_else(
            || "Follow-up cleared".to_string(),
            |d| format!("Follow up on {d}"),
        );
        add_event(&mut *tx, id, "follow_up", &body, Some(actor)).await?;
    }
    Ok(updated)
}

/// Records the account a won lead became.
pub async fn set_customer(db: impl PgExecutor<'_>, id: i64, customer: Uuid) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE leads SET customer_id = $2, updated_at = now() WHERE id = $1",
        id,
        customer
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Who may be given a lead, `(id, name)`: admins, staff who sell or
/// manage, and partners (listed last).
pub async fn assignable_staff(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<(Uuid, String)>> {
    let rows = sqlx::query!(
        "SELECT id, name FROM users
         WHERE disabled_at IS NULL
           AND (role = 'admin' OR (role = 'staff' AND staff_role IN ('sales', 'manager'))
                OR role = 'partner')
         ORDER BY role = 'partner', name"
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// Who hears about a new enquiry: admins, and staff who sell or manage.
pub async fn sales_emails(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!(
        "SELECT email FROM users
         WHERE disabled_at IS NULL
           AND (role = 'admin' OR (role = 'staff' AND staff_role IN ('sales', 'manager')))
         ORDER BY email"
    )
    .fetch_all(db)
    .await
}
