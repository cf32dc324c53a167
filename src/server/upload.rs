//! Multipart forms with one file and some text fields, read with a size
//! limit per field, on the number of fields and on the whole body.

use super::images::MAX_UPLOAD_BYTES;
use crate::domain::AppError;

/// Our upload forms have a file and two or three short fields.
const MAX_PARTS: usize = 8;
/// Text fields are names, kinds and photo descriptions; longer text is cut
/// here and refused by the field's own check.
const MAX_TEXT_BYTES: usize = 1024;
/// What is read at most, a file over its limit included (its excess is read
/// and dropped so the browser gets our answer, not a reset connection).
const MAX_BODY_BYTES: usize = 2 * MAX_UPLOAD_BYTES;

/// A multipart form with one file and text fields.
pub struct Upload {
    texts: Vec<(String, String)>,
    /// The file's bytes, or why it cannot be used.
    pub file: Result<Vec<u8>, &'static str>,
    /// The file's name as the browser sent it.
    pub file_name: String,
}

impl Upload {
    /// A text field's value, empty when absent.
    pub fn text(&self, name: &str) -> String {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Reads the form, keeping at most the size limit of each field; the rest of
/// an oversized file is read and dropped, up to `MAX_BODY_BYTES` in all, so
/// the browser sees the answer rather than a reset connection. A body larger
/// than that, or with more than `MAX_PARTS` fields, is refused (413) without
/// reading further. `missing` and `too_large` say what is wrong with the file
/// field `file_field` when it is empty or too big.
pub async fn read(
    data: leptos::server_fn::codec::MultipartData,
    file_field: &str,
    missing: &'static str,
    too_large: &'static str,
) -> Result<Upload, AppError> {
    let mut upload = Upload {
        texts: Vec::new(),
        file: Err(missing),
        file_name: String::new(),
    };
    let Some(mut parts) = data.into_inner() else {
        return Ok(upload);
    };
    let mut body_bytes = 0;
    let mut part_count = 0;
    while let Ok(Some(mut field)) = parts.next_field().await {
        part_count += 1;
        if part_count > MAX_PARTS {
            return Err(refuse_body());
        }
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().unwrap_or_default().to_string();
        let is_file = name == file_field;
        let limit = if is_file {
            MAX_UPLOAD_BYTES
        } else {
            MAX_TEXT_BYTES
        };
        let mut bytes = Vec::new();
        let mut oversized = false;
        while let Ok(Some(chunk)) = field.chunk().await {
            body_bytes += chunk.len();
            if body_bytes > MAX_BODY_BYTES {
                return Err(refuse_body());
            }
            if bytes.len() + chunk.len() > limit {
                oversized = true;
                let room = limit.saturating_sub(bytes.len());
                bytes.extend_from_slice(&chunk[..room.min(chunk.len())]);
            } else {
                bytes.extend_from_slice(&chunk);
            }
        }
        if is_file {
            if oversized {
                upload.file = Err(too_large);
            } else if !bytes.is_empty() {
                upload.file = Ok(bytes);
                upload.file_name = file_name.chars().take(200).collect();
            }
        } else {
            upload
                .texts
                .push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    Ok(upload)
}

fn refuse_body() -> AppError {
    super::errors::set_status(http::StatusCode::PAYLOAD_TOO_LARGE);
    AppError::TooLarge
}
