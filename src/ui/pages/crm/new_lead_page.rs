//! `/crm/new`: enter a lead (staff) or submit one (partners, credited to
//! them). A mobile or email already on a lead is pointed out first.

use crate::{
    api::crm::CreateLead,
    ui::components::{
        form::{last_error, CheckboxField, Field, FormAlert, SubmitButton, TextArea},
        page_header::PageHeader,
    },
};
use leptos::prelude::*;

#[component]
pub fn NewLeadPage() -> impl IntoView {
    let action = ServerAction::<CreateLead>::new();
    let error = last_error(action);
    view! {
        <div class="mx-auto max-w-xl">
            <PageHeader title="Add a lead" description="Enter someone interested in buying." />
            <p class="mb-4 text-sm"><a class="text-teal-800 underline" href="/crm">"Back to the leads"</a></p>
            <FormAlert error />
            <ActionForm action attr:novalidate=true attr:class="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
                <Field label="Name" name="name" autocomplete="off" required=true error />
                <Field label="Mobile number" name="mobile" input_type="tel" hint="A mobile number or an email is needed." error />
                <Field label="Email" name="email" input_type="email" error />
                <Field label="Company" name="company" error />
                <Field label="City" name="city" error />
                <TextArea label="What they are interested in" name="interest" rows=3 error />
                <Field label="Estimated value (₹)" name="estimated_value" hint="Optional, e.g. 25000." error />
                <CheckboxField label="Add it anyway (a different person with the same mobile or email)" name="duplicate_ok" error />
                <SubmitButton label="Save lead" pending=action.pending().into() />
            </ActionForm>
        </div>
    }
}
