//! Multipart forms with one file and some text fields, read with a size
//! limit per field.

use super::images::MAX_UPLOAD_BYTES;

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
/// an oversized upload is read and dropped, so the browser sees the answer
/// rather than a reset connection. `missing` and `too_large` say what is
/// wrong with the file field `file_field` when it is empty or too big.
pub async fn read(
    data: leptos::server_fn::codec::MultipartData,
    file_field: &str,
    missing: &'static str,
    too_large: &'static str,
) -> Upload {
    let mut upload = Upload {
        texts: Vec::new(),
        file: Err(missing),
        file_name: String::new(),
    };
    let Some(mut parts) = data.into_inner() else {
        return upload;
    };
    while let Ok(Some(mut field)) = parts.next_field().await {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().unwrap_or_default().to_string();
        let mut bytes = Vec::new();
        let mut oversized = false;
        while let Ok(Some(chunk)) = field.chunk().await {
            if bytes.len() + chunk.len() > MAX_UPLOAD_BYTES {
                oversized = true;
            } else {
                bytes.extend_from_slice(&chunk);
            }
        }
        if name == file_field {
            if oversized {
                upload.file = Err(too_large);
            } else if !bytes.is_empty() {
                upload.file = Ok(bytes);
                upload.file_name = file_name;
            }
        } else if !oversized {
            upload
                .texts
                .push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    upload
}
