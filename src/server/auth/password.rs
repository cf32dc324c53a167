//! Password hashing (argon2id, 19 MiB, 2 passes, 1 lane: the OWASP baseline)
//! and the "commonly used password" check.

use crate::domain::NewPassword;
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use std::sync::LazyLock;

fn hasher() -> Argon2<'static> {
    // The parameters are constants that argon2 accepts; failure here is a programming error.
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashing is deliberately slow (tens of milliseconds), so it runs off the async threads.
pub async fn hash(password: &NewPassword) -> Result<String, argon2::password_hash::Error> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .unwrap_or(Err(argon2::password_hash::Error::Crypto))
}

/// A hash of a password nobody knows, verified when the email is unknown so
/// that a failed login takes as long whether or not the account exists.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(b"no account has this password", &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

pub async fn verify(password: String, stored_hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let stored = stored_hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let known = !stored.is_empty();
        match PasswordHash::new(&stored) {
            Ok(parsed) => {
                known
                    && hasher()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
            }
            Err(_) => false,
        }
    })
    .await
    .unwrap_or(false)
}

pub const PASSWORD_TOO_COMMON: &str =
    "This password is too common or too easy to guess. Try a longer phrase of unrelated words.";

/// Refuses passwords that appear in zxcvbn's lists of common passwords and
/// words, or that it can guess quickly, taking the user's own details into account.
pub fn is_too_common(password: &NewPassword, user_inputs: &[&str]) -> bool {
    let estimate = zxcvbn::zxcvbn(password.expose(), user_inputs);
    (estimate.score() as u8) < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pw(s: &str) -> NewPassword {
        NewPassword::parse(s.to_string()).unwrap()
    }

    #[test]
    fn well_known_passwords_are_refused() {
        for common in [
            "password",
            "password123",
            "12345678",
            "qwertyuiop",
            "iloveyou",
        ] {
            assert!(is_too_common(&pw(common), &[]), "{common} was allowed");
        }
    }

    #[test]
    fn a_passphrase_is_allowed() {
        assert!(!is_too_common(&pw("mango lantern rickshaw 42"), &[]));
    }

    #[test]
    fn the_users_own_email_is_not_a_password() {
        assert!(is_too_common(
            &pw("asha.rao@example.com"),
            &["asha.rao@example.com", "Asha Rao"]
        ));
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let hashed = hash(&pw("mango lantern rickshaw 42")).await.unwrap();
        assert!(hashed.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("mango lantern rickshaw 42".into(), Some(hashed.clone())).await);
        assert!(!verify("mango lantern rickshaw 43".into(), Some(hashed)).await);
        assert!(!verify("anything".into(), None).await);
    }
}
