//! KYC documents: what may be uploaded, and `GET /documents/{id}`, which
//! answers only the partner who uploaded it and admins.

use super::{auth::AuthSession, state::AppState};
use crate::{
    db::partner_documents,
    domain::{Role, DOCUMENT_KINDS},
};
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

/// A stored document as its list shows it.
pub fn view(row: partner_documents::DocumentRow) -> crate::domain::DocumentView {
    crate::domain::DocumentView {
        id: row.id.to_string(),
        kind: DOCUMENT_KINDS
            .iter()
            .find(|(value, _)| *value == row.kind)
            .map_or(row.kind.clone(), |(_, label)| label.to_string()),
        file_name: row.file_name,
        size_kb: (row.size + 1023) / 1024,
        uploaded_at: row.uploaded_at,
    }
}

/// The type of a document from its first bytes (never from its name or the
/// browser's word): PDF, JPEG or PNG only.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else {
        None
    }
}

/// A file name safe to store and to put in a header: the last path part,
/// printable ASCII letters, digits, dots, dashes and underscores.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    if cleaned.trim_matches(['.', '_']).is_empty() {
        "document".into()
    } else {
        cleaned
    }
}

pub async fn download(
    auth: AuthSession,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let Some(user) = auth.user else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let document = match partner_documents::get(&state.pool, id).await {
        Ok(Some(document)) => document,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading a document");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let allowed = user.0.role() == Role::Admin
        || (user.0.role() == Role::Partner && user.0.id == document.partner_id);
    if !allowed {
        // Not found rather than forbidden: others learn nothing of it.
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, document.content_type),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"",
                    clean_file_name(&document.file_name)
                ),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        document.bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pdf_jpeg_and_png_are_recognised() {
        assert_eq!(sniff(b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn file_names_lose_paths_and_odd_characters() {
        assert_eq!(
            clean_file_name("C:\\Users\\me\\pan card.pdf"),
            "pan_card.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("\"; x=.pdf"), "___x_.pdf");
        assert_eq!(clean_file_name(".."), "document");
    }
}
