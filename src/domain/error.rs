//! The one error type that crosses the wire between server functions and pages.
//!
//! Validation failures carry the message for each field *and* the values the
//! user typed (never passwords), so that a form posted without JavaScript can
//! be shown again, filled in, next to its messages after the redirect.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("{}", .0.summary())]
    Invalid(FormErrors),
    /// Too many attempts; the message says how long to wait.
    #[error("{}", .0.summary())]
    RateLimited(FormErrors),
    #[error("Please sign in to continue.")]
    Unauthorized,
    #[error("You do not have access to this page.")]
    Forbidden,
    #[error("We could not find that.")]
    NotFound,
    /// A request body over the size the server accepts.
    #[error("That was more than we accept at once. Send less and try again.")]
    TooLarge,
    #[error(
        "Something went wrong on our side. If it keeps happening, quote reference {request_id}."
    )]
    Internal { request_id: String },
    #[error("We could not reach the server. Check your connection and try again.")]
    Transport(String),
}

impl AppError {
    /// The form-level error for `form`, keeping what the user typed.
    pub fn form(message: impl Into<String>, values: FormValues) -> Self {
        AppError::Invalid(FormErrors {
            message: Some(message.into()),
            fields: Vec::new(),
            values,
        })
    }

    /// Refuses a form for now, keeping what the user typed.
    pub fn rate_limited(message: impl Into<String>, values: FormValues) -> Self {
        AppError::RateLimited(FormErrors {
            message: Some(message.into()),
            fields: Vec::new(),
            values,
        })
    }

    /// The form errors, when this is a validation failure or a rate limit.
    pub fn form_errors(&self) -> Option<&FormErrors> {
        match self {
            AppError::Invalid(errors) | AppError::RateLimited(errors) => Some(errors),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Malformed arguments are bad input, not a fault of ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::Invalid(FormErrors {
                    message: Some("The form was incomplete. Please fill it in again.".into()),
                    ..FormErrors::default()
                })
            }
            // On the server, a body that could not be read: over the size
            // limit (axum's words), or not UTF-8.
            ServerFnErrorErr::Deserialization(cause) if cause.contains("length limit") => {
                AppError::TooLarge
            }
            ServerFnErrorErr::Deserialization(_) => AppError::Invalid(FormErrors {
                message: Some("The form could not be read. Please fill it in again.".into()),
                ..FormErrors::default()
            }),
            other => AppError::Transport(other.to_string()),
        }
    }
}

/// What the user typed, by field name (passwords are never kept).
pub type FormValues = Vec<(String, String)>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// A message about the whole form (for example a failed login).
    pub message: Option<String>,
    /// `(field name, message)` pairs.
    pub fields: Vec<(String, String)>,
    pub values: FormValues,
}

impl FormErrors {
    pub fn new(values: FormValues) -> Self {
        FormErrors {
            values,
            ..Default::default()
        }
    }

    /// Records the outcome of parsing one field, keeping the parsed value.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.fields.push((field.to_string(), message));
                None
            }
        }
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.fields.push((field.to_string(), message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.message.is_none() && self.fields.is_empty()
    }

    /// `Ok(())` when nothing failed, else the error to return.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }

    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, message)| message.as_str())
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }

    fn summary(&self) -> String {
        self.message
            .clone()
            .unwrap_or_else(|| "Please correct the highlighted fields.".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_check_records_the_field_message_and_keeps_values() {
        let mut errors = FormErrors::new(vec![("email".into(), "a@b".into())]);
        let parsed: Option<u8> = errors.check("email", Err("Enter a valid email address.".into()));
        assert!(parsed.is_none());
        assert_eq!(errors.field("email"), Some("Enter a valid email address."));
        assert_eq!(errors.value("email"), Some("a@b"));
        assert!(errors.into_result().is_err());
    }

    #[test]
    fn no_failures_is_ok() {
        let mut errors = FormErrors::new(vec![]);
        assert_eq!(errors.check("n", Ok::<_, String>(3)), Some(3));
        assert!(errors.into_result().is_ok());
    }
}
