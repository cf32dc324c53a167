//! `/book-a-consultation`: ask for a consultation on a chosen day; it
//! reaches the sales staff as a lead.

use crate::ui::components::{enquiry_form::EnquiryForm, page_header::PageHeader};
use leptos::prelude::*;

#[component]
pub fn ConsultationPage() -> impl IntoView {
    view! {
        <PageHeader
            title="Book a consultation"
            description="Book a consultation with us: choose a day and tell us what you need."
            lead="Choose a day and tell us what you need; we will call you to agree a time."
        />
        <EnquiryForm consultation=true />
    }
}
