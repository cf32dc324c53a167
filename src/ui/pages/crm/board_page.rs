//! `/crm`: leads as a board, one column per stage, with the follow-ups due
//! today above it. In the browser cards are dragged between columns (the
//! `LeadBoard` island); without JavaScript each card has a stage selector
//! that posts the same move.

use crate::{
    api::crm::{load_crm_board, MoveLead},
    domain::{CrmBoard, LeadCard, LeadStage},
    ui::components::{
        access::Refused,
        form::{last_error, FormAlert},
        page_header::PageHeader,
    },
    ui::islands::lead_board::LeadBoard,
};
use leptos::prelude::*;

#[component]
pub fn CrmBoardPage() -> impl IntoView {
    let move_lead = ServerAction::<MoveLead>::new();
    let board = Resource::new(move || move_lead.version().get(), |_| load_crm_board());
    view! {
        <PageHeader title="Leads" description="The leads pipeline: new, contacted, qualified, won and lost." />
        <p class="mb-4"><a href="/crm/new" class="rounded bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">"Add a lead"</a></p>
        <FormAlert error=last_error(move_lead) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(board) => view! { <Board board move_lead /> }.into_any(),
                    Err(error) => view! { <Refused error back_to="/crm" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Board(board: CrmBoard, move_lead: ServerAction<MoveLead>) -> impl IntoView {
    let due: Vec<LeadCard> = board.due_today().cloned().collect();
    view! {
        <section aria-labelledby="due-heading" class="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="due-heading" class="mb-2 font-semibold">"Follow up today"</h2>
            {due.is_empty().then(|| view! { <p class="text-sm text-stone-700">"Nothing due today."</p> })}
            <ul class="space-y-1 text-sm" data-testid="due-today">
                {due.into_iter().map(|l| view! {
                    <li><a class="text-teal-800 underline" href=format!("/crm/leads/{}", l.id)>{l.name}</a>
                        {format!(" · {} · due {}", l.stage.label(), l.follow_up_on.unwrap_or_default())}</li>
                }).collect_view()}
            </ul>
        </section>
        <LeadBoard>
            <div class="grid gap-4 md:grid-cols-5" data-testid="board">
                {LeadStage::ALL.into_iter().map(|stage| {
                    let cards: Vec<LeadCard> = board.in_stage(stage).cloned().collect();
                    view! { <Column stage cards move_lead staff=board.is_staff /> }
                }).collect_view()}
            </div>
        </LeadBoard>
    }
}

/// A stage's column; `data-stage` is where the board island drops cards.
#[component]
fn Column(
    stage: LeadStage,
    cards: Vec<LeadCard>,
    move_lead: ServerAction<MoveLead>,
    staff: bool,
) -> impl IntoView {
    let heading = format!("{}-heading", stage.as_str());
    let count = cards.len();
    view! {
        <section
            aria-labelledby=heading.clone()
            data-stage=stage.as_str()
            class="min-h-40 rounded-lg border border-stone-200 bg-stone-50 p-2"
        >
            <h2 id=heading.clone() class="mb-2 px-1 font-semibold">{format!("{} ({count})", stage.label())}</h2>
            <ul class="space-y-2">
                {cards.into_iter().map(|card| view! { <Card card move_lead staff /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Card(
    card: LeadCard,
    move_lead: ServerAction<MoveLead>,
    /// Partners cannot close leads, nor move closed ones.
    staff: bool,
) -> impl IntoView {
    let id = card.id;
    let movable = staff || !card.stage.is_closed();
    let select_id = format!("stage-{id}");
    let reason_id = format!("lost_reason-{id}");
    let select_label = format!("Stage of {}", card.name);
    let error = last_error(move_lead);
    let message = {
        let fields = [format!("stage-{id}"), format!("lost_reason-{id}")];
        move || {
            error.get().and_then(|e| {
                let form = e.form_errors()?;
                fields.iter().find_map(|f| form.field(f)).map(str::to_owned)
            })
        }
    };
    view! {
        <li
            class="rounded border border-stone-200 bg-white p-2 text-sm shadow-sm"
            draggable=movable.then_some("true")
            data-lead=card.name.clone()
            data-lead-id=id
        >
            <a class="font-medium text-teal-800 underline" href=format!("/crm/leads/{id}")>{card.name.clone()}</a>
            {(!card.company.is_empty()).then(|| view! { <p class="text-stone-600">{card.company.clone()}</p> })}
            <p class="text-stone-500">
                {card.assignee.clone().map_or_else(|| "Unassigned".to_string(), |a| format!("With {a}"))}
                {card.follow_up_on.clone().map(|d| format!(" · follow up {d}"))}
            </p>
            {card.lost_reason.clone().map(|r| view! { <p class="text-stone-600">{format!("Lost: {r}")}</p> })}
            {movable.then(|| view! {
            <ActionForm action=move_lead attr:class="mt-2 flex flex-wrap items-end gap-1">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="back_to" value="/crm" />
                <label for=select_id.clone() class="sr-only">{select_label}</label>
                <select id=select_id name="stage" class="rounded border border-stone-300 px-1 py-0.5">
                    {LeadStage::choices(staff).into_iter().map(|s| view! {
                        <option value=s.as_str() selected=s == card.stage>{s.label()}</option>
                    }).collect_view()}
                </select>
                {staff.then(|| view! {
                    <label for=reason_id.clone() class="sr-only">"Reason, if lost"</label>
                    <input id=reason_id.clone() name="lost_reason" placeholder="Reason, if lost" class="w-28 rounded border border-stone-300 px-1 py-0.5" />
                })}
                <button type="submit" class="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100">"Move"</button>
            </ActionForm>
            })}
            {move || message().map(|m| view! { <p class="mt-1 text-red-700" data-testid="card-error">{m}</p> })}
        </li>
    }
}
