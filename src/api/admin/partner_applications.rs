//! Partner applications: review, approve (an account with the partner role,
//! a referral code and the programme's rate) or reject with a reason;
//! admins only.

use crate::domain::{AppError, ApplicationView};
use leptos::prelude::*;

pub const STAFF_EMAIL: &str =
    "This email belongs to a staff or admin account, which cannot also be a partner.";
pub const ALREADY_DECIDED: &str = "This application was already decided.";
pub const ALREADY_PARTNER: &str =
    "This email's account is already a partner; reject this application with that reason.";

#[server(prefix = "/api", endpoint = "admin/partner_applications")]
pub async fn load_partner_applications() -> Result<Vec<ApplicationView>, AppError> {
    use crate::{
        db::partner_applications,
        domain::Role,
        server::{auth::require_role, errors::OrInternal, state::app_state},
    };
    require_role(&[Role::Admin]).await?;
    let rows = partner_applications::list(&app_state().pool, 200)
        .await
        .or_internal("listing applications")?;
    Ok(rows
        .into_iter()
        .map(|r| ApplicationView {
            id: r.id,
            kind: r.kind(),
            name: r.name,
            email: r.email,
            mobile: r.mobile,
            city: r.city,
            pan: r.pan,
            upi_id: r.upi_id,
            business_name: r.business_name,
            gstin: r.gstin,
            address: r.address,
            status: r.status,
            reject_reason: r.reject_reason,
            received: r.created_at,
        })
        .collect())
}

/// Approves a pending application: the applicant's account (made now, or
/// the one they already have) becomes a partner with a new referral code and
/// the programme's default rate, and is emailed how to sign in.
#[server(prefix = "/api", endpoint = "admin/approve_application")]
pub async fn approve_application(id: i64) -> Result<(), AppError> {
    use crate::{
        db::{
            outbox::{self, OutgoingEmail},
            partner_applications, partners, settings, users,
        },
        domain::{rate_label, Email, FormErrors, Mobile, PartnerKind, PersonName, Role},
        server::{
            audit::{self, Change},
            auth::{
                invite::{self, Invitee},
                require_role,
            },
            errors::OrInternal,
            mail::messages,
            referral,
            state::app_state,
        },
    };
    let admin = require_role(&[Role::Admin]).await?;
    let state = app_state();
    let field = format!("decision-{id}");
    let refuse = |message: &str| {
        let mut form = FormErrors::new(vec![]);
        form.add(&field, message);
        AppError::Invalid(form)
    };
    let mut tx = state
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let Some(application) = partner_applications::lock_pending(&mut *tx, id)
        .await
        .or_internal("reading the application")?
    else {
        return Err(refuse(ALREADY_DECIDED));
    };
    // Stored values were checked on the way in; parsing again gives the types.
    let (Ok(email), Ok(name), Ok(mobile)) = (
        Email::parse(&application.email),
        PersonName::parse(&application.name),
        Mobile::parse(&application.mobile),
    ) else {
        return Err(crate::server::errors::internal(
            "reading the application",
            std::io::Error::other("a stored application fails its own checks"),
        ));
    };
    let existing = users::find_by_email(&mut *tx, &email)
        .await
        .or_internal("finding the applicant's account")?;
    let already_partner = match &existing {
        Some(user) => partners::get(&mut *tx, user.id)
            .await
            .or_internal("checking for a partner")?
            .map(|p| p.user_id),
        None => None,
    };
    let (user_id, password_link) = match existing {
        Some(user) if matches!(user.role(), Role::Staff | Role::Admin) => {
            return Err(refuse(STAFF_EMAIL));
        }
        Some(user) if already_partner == Some(user.id) => {
            return Err(refuse(ALREADY_PARTNER));
        }
        Some(user) => {
            crate::db::admin_users::set_role(&mut *tx, user.id, Role::Partner.as_str())
                .await
                .or_internal("making the account a partner")?;
            (user.id, None)
        }
        None => {
            let Some((user_id, link)) = invite::open_account(
                &mut tx,
                Invitee {
                    email: &email,
                    name: &name,
                    mobile: Some(&mobile),
                    role: Role::Partner,
                },
            )
            .await?
            else {
                return Err(refuse(ALREADY_DECIDED));
            };
            (user_id, Some(link))
        }
    };
    let terms = settings::partner_terms(&mut *tx)
        .await
        .or_internal("reading the programme's terms")?;
    let kind = application.kind();
    let commission_bp = match kind {
        PartnerKind::Individual => terms.ipp_commission_bp,
        PartnerKind::Business => terms.bpp_commission_bp,
    };
    let mut code = referral::new_code();
    while !partners::insert(
        &mut *tx,
        partners::NewPartner {
            user_id,
            application_id: id,
            kind: kind.as_str(),
            referral_code: &code,
            commission_bp,
            upi_id: &application.upi_id,
        },
    )
    .await
    .or_internal("creating the partner")?
    {
        code = referral::new_code();
    }
    partner_applications::mark_approved(&mut *tx, id, admin.0.id)
        .await
        .or_internal("approving the application")?;
    let new_account = password_link.is_some();
    let account_link = password_link.unwrap_or_else(|| state.config.link("/login?next=/dashboard"));
    let mail = messages::application_approved(
        name.as_str(),
        &code,
        &rate_label(commission_bp),
        &account_link,
        new_account,
    );
    outbox::enqueue(
        &mut *tx,
        OutgoingEmail {
            to: email.as_str(),
            subject: &mail.subject,
            body_text: &mail.body_text,
        },
    )
    .await
    .or_internal("queueing the approval email")?;
    audit::record(
        &mut *tx,
        &admin,
        Change {
            action: "partner.approved",
            entity: "partner_application",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "email": email.as_str(), "referral_code": code, "commission_bp": commission_bp
            })),
        },
    )
    .await
    .or_internal("recording the approval")?;
    tx.commit().await.or_internal("committing the approval")?;
    leptos_axum::redirect("/admin/partners?approved=1");
    Ok(())
}

/// Rejects a pending application; the reason is emailed to the applicant.
#[server(prefix = "/api", endpoint = "admin/reject_application")]
pub async fn reject_application(id: i64, reason: String) -> Result<(), AppError> {
    use crate::{
        db::{
            outbox::{self, OutgoingEmail},
            partner_applications,
        },
        domain::{FormErrors, Role},
        server::{
            audit::{self, Change},
            auth::require_role,
            errors::OrInternal,
            mail::messages,
            state::app_state,
        },
    };
    let admin = require_role(&[Role::Admin]).await?;
    let field = format!("reason-{id}");
    let mut form = FormErrors::new(vec![(field.clone(), reason.clone())]);
    let reason = reason.trim();
    if reason.is_empty() {
        form.add(
            &field,
            "Give the applicant a reason; it is emailed to them.",
        );
    } else if reason.chars().count() > 1000 {
        form.add(&field, "Keep the reason to 1,000 characters.");
    }
    form.clone().into_result()?;
    let mut tx = app_state()
        .pool
        .begin()
        .await
        .or_internal("starting a transaction")?;
    let Some(application) = partner_applications::lock_pending(&mut *tx, id)
        .await
        .or_internal("reading the application")?
    else {
        form.add(&field, ALREADY_DECIDED);
        return Err(AppError::Invalid(form));
    };
    partner_applications::mark_rejected(&mut *tx, id, admin.0.id, reason)
        .await
        .or_internal("rejecting the application")?;
    let mail = messages::application_rejected(&application.name, reason);
    outbox::enqueue(
        &mut *tx,
        OutgoingEmail {
            to: &application.email,
            subject: &mail.subject,
            body_text: &mail.body_text,
        },
    )
    .await
    .or_internal("queueing the rejection email")?;
    audit::record(
        &mut *tx,
        &admin,
        Change {
            action: "partner.rejected",
            entity: "partner_application",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "email": application.email, "reason": reason })),
        },
    )
    .await
    .or_internal("recording the rejection")?;
    tx.commit().await.or_internal("committing the rejection")?;
    leptos_axum::redirect("/admin/partners?rejected=1");
    Ok(())
}
