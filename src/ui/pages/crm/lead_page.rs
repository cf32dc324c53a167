//! `/crm/leads/:id`: one lead: details, stage, owner, follow-up, and its
//! timeline with notes, calls and emails.

use crate::{
    api::crm::{load_lead, AddLeadNote, AssignLead, ConvertLead, MoveLead, SetLeadFollowUp},
    domain::{LeadDetail, LeadStage},
    ui::components::{
        access::Refused,
        form::{last_error, FormAlert, SelectField, TextArea},
        notice::Notice,
        page_header::PageHeader,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

const PANEL: &str = "mb-6 rounded-lg border border-stone-200 bg-white p-5 shadow-sm";
const BUTTON: &str = "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100";

#[component]
pub fn LeadPage() -> impl IntoView {
    let params = use_params_map();
    let move_lead = ServerAction::<MoveLead>::new();
    let assign = ServerAction::<AssignLead>::new();
    let note = ServerAction::<AddLeadNote>::new();
    let follow_up = ServerAction::<SetLeadFollowUp>::new();
    let convert = ServerAction::<ConvertLead>::new();
    let lead = Resource::new(
        move || {
            let id = params.with(|p| {
                p.get("id")
                    .and_then(|id| id.parse::<i64>().ok())
                    .unwrap_or(0)
            });
            (
                id,
                move_lead.version().get()
                    + assign.version().get()
                    + note.version().get()
                    + follow_up.version().get()
                    + convert.version().get(),
            )
        },
        |(id, _)| load_lead(id),
    );
    let created = use_query_map().with_untracked(|q| q.get("created").is_some());
    view! {
        <PageHeader title="Lead" description="A lead's details and timeline." />
        <p class="mb-4 text-sm"><a class="text-teal-800 underline" href="/crm">"Back to the leads"</a></p>
        {created.then(|| view! { <Notice>"Lead saved."</Notice> })}
        <FormAlert error=last_error(move_lead) />
        <FormAlert error=last_error(assign) />
        <FormAlert error=last_error(follow_up) />
        <FormAlert error=last_error(convert) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match lead.await {
                    Ok(detail) => view! { <Lead detail move_lead assign note follow_up convert /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/crm" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Lead(
    detail: LeadDetail,
    move_lead: ServerAction<MoveLead>,
    assign: ServerAction<AssignLead>,
    note: ServerAction<AddLeadNote>,
    follow_up: ServerAction<SetLeadFollowUp>,
    convert: ServerAction<ConvertLead>,
) -> impl IntoView {
    let l = detail.lead;
    let id = l.id;
    let note_error = last_error(note);
    let row = |label: &'static str, value: Option<String>| {
        value
            .filter(|v| !v.is_empty())
            .map(|v| view! { <dt class="text-stone-500">{label}</dt><dd>{v}</dd> })
    };
    let back = format!("/crm/leads/{id}");
    view! {
        <section class=PANEL aria-labelledby="lead-heading">
            <h2 id="lead-heading" class="text-2xl font-semibold" data-testid="lead-name">{l.name.clone()}</h2>
            <p class="mb-3 text-stone-600" data-testid="lead-stage">{l.stage.label()}</p>
            <dl class="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
                {row("Mobile", l.mobile.clone())}
                {row("Email", l.email.clone())}
                {row("Company", Some(l.company.clone()))}
                {row("City", Some(l.city.clone()))}
                {row("Interested in", Some(l.interest.clone()))}
                {row("Estimated value", l.estimated_value.map(|v| v.to_string()))}
                {row("Source", Some(l.source.clone()))}
                {row("Brought by", l.submitted_by.clone())}
                {row("With", l.assignee.clone())}
                {row("Follow up on", l.follow_up_on.clone())}
                {row("Lost because", l.lost_reason.clone())}
            </dl>
        </section>
        <section class=PANEL aria-labelledby="work-heading">
            <h2 id="work-heading" class="mb-3 text-lg font-semibold">"Move it along"</h2>
            // Won and lost are the shop's decisions; a partner cannot reopen them.
            {(detail.is_staff || !l.stage.is_closed()).then(|| view! {
            <ActionForm action=move_lead attr:class="mb-4 flex flex-wrap items-end gap-2">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="back_to" value=back.clone() />
                <div>
                    <label for="stage" class="block text-sm font-medium">"Stage"</label>
                    <select id="stage" name="stage" class="rounded border border-stone-300 px-2 py-1.5">
                        {LeadStage::choices(detail.is_staff).into_iter().map(|s| view! { <option value=s.as_str() selected=s == l.stage>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="lost_reason" class="block text-sm font-medium">"Reason, if lost"</label>
                    <input id="lost_reason" name="lost_reason" class="rounded border border-stone-300 px-2 py-1.5" />
                </div>
                <button type="submit" class=BUTTON>"Move"</button>
            </ActionForm>
            })}
            {detail.is_staff.then(|| {
                let options: Vec<(String, String)> = std::iter::once((String::new(), "Nobody".to_string()))
                    .chain(detail.assignees.clone())
                    .collect();
                let current = l.assignee_id.clone().unwrap_or_default();
                view! {
                    <ActionForm action=assign attr:class="mb-4 flex flex-wrap items-end gap-2">
                        <input type="hidden" name="id" value=id />
                        <div class="min-w-64">
                            <SelectField label="Assigned to" name="assignee" error=last_error(assign) options initial=current />
                        </div>
                        <button type="submit" class=BUTTON>"Assign"</button>
                    </ActionForm>
                }
            })}
            <ActionForm action=follow_up attr:class="flex flex-wrap items-end gap-2">
                <input type="hidden" name="id" value=id />
                <div>
                    <label for="on" class="block text-sm font-medium">"Follow up on"</label>
                    <input id="on" name="on" type="date" value=l.follow_up_on.clone().unwrap_or_default() class="rounded border border-stone-300 px-2 py-1.5" />
                </div>
                <button type="submit" class=BUTTON>"Set follow-up"</button>
            </ActionForm>
            {(detail.is_staff && l.stage == LeadStage::Won && !l.is_customer).then(|| view! {
                <ActionForm action=convert attr:class="mt-4">
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class=BUTTON>"Make a customer account"</button>
                </ActionForm>
            })}
            {l.is_customer.then(|| view! { <p class="mt-4 text-sm text-stone-600" data-testid="lead-customer">"Has a customer account."</p> })}
        </section>
        <section class=PANEL aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="mb-3 text-lg font-semibold">"Timeline"</h2>
            <ol class="mb-4 space-y-2 text-sm" data-testid="lead-timeline">
                {detail.timeline.into_iter().map(|e| view! {
                    <li>
                        <span class="text-stone-500">{format!("{} · {}", e.at, e.kind)}</span>
                        {e.actor.map(|a| view! { <span class="text-stone-500">{format!(" · {a}")}</span> })}
                        <p>{e.body}</p>
                    </li>
                }).collect_view()}
            </ol>
            <FormAlert error=note_error />
            <ActionForm action=note>
                <input type="hidden" name="id" value=id />
                <SelectField label="What happened" name="kind" error=note_error options=vec![
                    ("note".to_string(), "Note".to_string()),
                    ("call".to_string(), "Call".to_string()),
                    ("email".to_string(), "Email".to_string()),
                ] />
                <TextArea label="Details" name="body" rows=3 error=note_error />
                <button type="submit" class=BUTTON>"Add to timeline"</button>
            </ActionForm>
        </section>
    }
}
