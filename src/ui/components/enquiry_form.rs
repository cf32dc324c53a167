//! The website's enquiry form: a message (on the contact page) or a booked
//! consultation (with a preferred day). Each becomes a lead in the CRM.

use crate::{
    api::enquiries::SendEnquiry,
    ui::components::{
        form::{last_error, Field, FormAlert, SubmitButton, TextArea},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn EnquiryForm(consultation: bool) -> impl IntoView {
    let action = ServerAction::<SendEnquiry>::new();
    let error = last_error(action);
    let sent = use_query_map().with_untracked(|q| q.get("sent").is_some());
    view! {
        <section aria-labelledby="enquiry-heading" class="mt-8 max-w-xl">
            <h2 id="enquiry-heading" class="mb-3 text-xl font-semibold">
                {if consultation { "Book a consultation" } else { "Write to us" }}
            </h2>
            {sent.then(|| view! {
                <Notice>{if consultation {
                    "Thank you: your consultation is booked. We will call you to agree a time."
                } else {
                    "Thank you: your message is with us. We answer within one working day."
                }}</Notice>
            })}
            <FormAlert error />
            <ActionForm action attr:novalidate=true attr:class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <input type="hidden" name="kind" value=if consultation { "consultation" } else { "contact" } />
                <Field label="Your name" name="name" autocomplete="name" required=true error />
                <Field label="Mobile number" name="mobile" input_type="tel" autocomplete="tel-national" hint="A mobile number or an email, so we can reply." error />
                <Field label="Email" name="email" input_type="email" autocomplete="email" error />
                {consultation.then(|| view! {
                    <Field label="Preferred day" name="preferred_date" input_type="date" required=true error />
                })}
                <TextArea label=if consultation { "What would you like to discuss?" } else { "Your message" } name="interest" rows=4 error />
                <SubmitButton label=if consultation { "Book the consultation" } else { "Send message" } pending=action.pending().into() />
            </ActionForm>
        </section>
    }
}
