//! `haat create-admin`: the first admin of a new shop (or a new password for
//! an existing account, made admin), without demo data. The email, name and
//! password come from `HAAT_ADMIN_EMAIL`, `HAAT_ADMIN_NAME` and
//! `HAAT_ADMIN_PASSWORD` (for automation), else they are asked for on the
//! terminal, the password without echo.

use super::auth::password;
use crate::{
    db::{
        admin_users,
        users::{self, NewUser},
    },
    domain::{Email, NewPassword, PersonName, Role},
};
use sqlx::PgPool;
use std::io::{BufRead, Write};

/// What `create-admin` did, to be printed.
pub enum Outcome {
    Created(String),
    Promoted(String),
}

pub async fn run(pool: &PgPool) -> Result<Outcome, String> {
    let email = value("HAAT_ADMIN_EMAIL", "Email: ", false)?;
    let email = Email::parse(&email)?;
    let existing = users::find_by_email(pool, &email)
        .await
        .map_err(|e| format!("reading accounts: {e}"))?;
    let name = match &existing {
        Some(user) => user.name.clone(),
        None => value("HAAT_ADMIN_NAME", "Name: ", false)?,
    };
    let name = PersonName::parse(&name)?;
    let password = NewPassword::parse(value("HAAT_ADMIN_PASSWORD", "Password: ", true)?)?;
    if password::is_too_common(&password, &[email.as_str(), name.as_str()]) {
        return Err(password::PASSWORD_TOO_COMMON.to_string());
    }
    let hash = password::hash(&password)
        .await
        .map_err(|_| "hashing the password failed".to_string())?;
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    let outcome = match existing {
        Some(user) => {
            admin_users::set_role(&mut *tx, user.id, Role::Admin.as_str())
                .await
                .map_err(|e| e.to_string())?;
            users::set_password_hash(&mut *tx, user.id, &hash)
                .await
                .map_err(|e| e.to_string())?;
            Outcome::Promoted(email.as_str().to_string())
        }
        None => {
            users::insert(
                &mut *tx,
                NewUser {
                    email: &email,
                    name: &name,
                    mobile: None,
                    password_hash: &hash,
                    role: Role::Admin,
                },
            )
            .await
            .map_err(|e| e.to_string())?;
            Outcome::Created(email.as_str().to_string())
        }
    };
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(outcome)
}

/// The environment variable `name`, else a line typed after `prompt`.
fn value(name: &str, prompt: &str, secret: bool) -> Result<String, String> {
    if let Some(v) = std::env::var(name).ok().filter(|v| !v.is_empty()) {
        return Ok(v);
    }
    if secret {
        return rpassword::prompt_password(prompt)
            .map_err(|e| format!("{name} is not set and no password could be read ({e})"));
    }
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("{name} is not set and nothing could be read ({e})"))?;
    Ok(line.trim().to_string())
}
