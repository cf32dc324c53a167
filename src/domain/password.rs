//! The length rule for a new password, checkable in the browser too. Whether a
//! password is commonly used is checked on the server (`server::auth::password`),
//! which carries the word lists.

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 128;

/// A password the user chose, before it is hashed. Not `Debug`, so it cannot
/// end up in a log line by accident.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(input: String) -> Result<NewPassword, String> {
        let chars = input.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            Err(format!("Use at least {MIN_PASSWORD_CHARS} characters."))
        } else if chars > MAX_PASSWORD_CHARS {
            Err(format!("Use at most {MAX_PASSWORD_CHARS} characters."))
        } else {
            Ok(NewPassword(input))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_between_8_and_128_characters_are_accepted() {
        assert!(NewPassword::parse("a".repeat(8)).is_ok());
        assert!(NewPassword::parse("अ".repeat(128)).is_ok());
    }

    #[test]
    fn shorter_and_longer_passwords_are_refused() {
        assert!(NewPassword::parse("a".repeat(7)).is_err());
        assert!(NewPassword::parse("a".repeat(129)).is_err());
    }
}
