//! KYC documents: a partner uploads theirs (PDF, JPEG or PNG, up to 5 MB);
//! they are visible only to that partner and to admins.

use crate::domain::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// A partner's KYC papers are a handful; this keeps one account from filling the database.
pub const MAX_DOCUMENTS_PER_PARTNER: i64 = 20;
pub const TOO_MANY_DOCUMENTS: &str =
    "You have uploaded 20 documents, the most we keep. Ask us to remove one you no longer need.";

/// Fields: `kind` (see `domain::DOCUMENT_KINDS`) and `document`.
#[server(prefix = "/api", endpoint = "upload_partner_document", input = MultipartFormData)]
pub async fn upload_partner_document(data: MultipartData) -> Result<(), AppError> {
    use crate::{
        db::partner_documents,
        domain::{FormErrors, Role, DOCUMENT_KINDS},
        server::{
            auth::require_role,
            documents::{clean_file_name, sniff},
            errors::OrInternal,
            state::app_state,
            upload,
        },
    };
    let user = require_role(&[Role::Partner]).await?;
    let upload = upload::read(
        data,
        "document",
        "Choose the file to upload.",
        "The file is larger than 5 MB; please upload a smaller scan.",
    )
    .await?;
    let kind = upload.text("kind");
    let mut form = FormErrors::new(vec![("kind".into(), kind.clone())]);
    if !DOCUMENT_KINDS.iter().any(|(value, _)| *value == kind) {
        form.add("kind", "Choose what the document is.");
    }
    let file = match &upload.file {
        Err(message) => {
            form.add("document", *message);
            None
        }
        Ok(bytes) => match sniff(bytes) {
            Some(content_type) => Some((bytes, content_type)),
            None => {
                form.add("document", "Upload a PDF, JPEG or PNG file.");
                None
            }
        },
    };
    let stored = partner_documents::count(&app_state().pool, user.0.id)
        .await
        .or_internal("counting documents")?;
    if stored >= MAX_DOCUMENTS_PER_PARTNER {
        form.add("document", TOO_MANY_DOCUMENTS);
    }
    form.clone().into_result()?;
    let Some((bytes, content_type)) = file else {
        return Err(AppError::Invalid(form));
    };
    partner_documents::insert(
        &app_state().pool,
        user.0.id,
        &kind,
        &clean_file_name(&upload.file_name),
        content_type,
        bytes,
    )
    .await
    .or_internal("storing a document")?;
    leptos_axum::redirect("/dashboard?uploaded=1#documents-heading");
    Ok(())
}
