//! `/admin/payouts`: each month's statements, the CSV for the bank, and
//! marking a statement paid with the bank's UTR.

use crate::{
    api::admin::payouts::{load_payouts, GenerateStatements, MarkPayoutPaid, PayoutMonth},
    domain::{AppError, StatementView},
    ui::components::{
        access::Refused,
        admin_frame::{AdminFrame, Panel, BUTTON, SMALL_BUTTON, TABLE},
        form::{last_error, FormAlert},
        notice::Notice,
    },
};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};

#[component]
pub fn PayoutsPage() -> impl IntoView {
    let query = use_query_map();
    let month = move || query.with(|q| q.get("month").unwrap_or_default());
    let data = Resource::new(month, load_payouts);
    let paid = query.with_untracked(|q| q.get("paid").is_some());
    let generated = query.with_untracked(|q| q.get("generated"));
    view! {
        <AdminFrame title="Payouts">
            {paid.then(|| view! { <Notice>"Marked paid: the partner has been emailed the amount and UTR."</Notice> })}
            {generated.clone().map(|n| view! { <Notice>{format!("Statements brought up to date ({n} changed).")}</Notice> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <Month data /> }.into_any(),
                        Err(error) => view! { <Refused error back_to="/admin/payouts" /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminFrame>
    }
}

#[component]
fn Month(data: PayoutMonth) -> impl IntoView {
    let generate = ServerAction::<GenerateStatements>::new();
    let pay = ServerAction::<MarkPayoutPaid>::new();
    let generate_error = last_error(generate);
    let pay_error = last_error(pay);
    let month = data.month.clone();
    let shown_month = month.clone();
    let csv = format!("/admin/payouts.csv?month={month}");
    view! {
        <Form method="GET" action="/admin/payouts" attr:class="mb-4 flex flex-wrap items-end gap-2">
            <div>
                <label for="month" class="block text-sm font-medium">"Month"</label>
                <input id="month" name="month" type="month" value=shown_month class="rounded border border-stone-300 px-3 py-2" />
            </div>
            <button type="submit" class=SMALL_BUTTON>"Show"</button>
        </Form>
        <FormAlert error=generate_error />
        <FormAlert error=pay_error />
        <Panel heading="Statements">
            <div class="mb-4 flex flex-wrap gap-3">
                <ActionForm action=generate>
                    <input type="hidden" name="month" value=month.clone() />
                    <button type="submit" class=BUTTON>"Generate statements from due commissions"</button>
                </ActionForm>
                <a class=SMALL_BUTTON href=csv rel="external" download="">"Download CSV for the bank"</a>
            </div>
            {data.statements.is_empty().then(|| view! { <p class="text-stone-600">"No statements for this month yet."</p> })}
            <table class=TABLE data-testid="statements">
                <thead><tr><th scope="col">"Partner"</th><th scope="col">"UPI ID"</th><th scope="col">"Commissions"</th><th scope="col">"Amount"</th><th scope="col">"Paid"</th></tr></thead>
                <tbody>
                    {data.statements.into_iter().map(|s| view! { <StatementLine statement=s action=pay error=pay_error /> }).collect_view()}
                </tbody>
            </table>
        </Panel>
    }
}

#[component]
fn StatementLine(
    statement: StatementView,
    action: ServerAction<MarkPayoutPaid>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let s = statement;
    let label = format!("UTR for {}", s.partner_name);
    let field = format!("utr-{}", s.id);
    let password_field = format!("password-{}", s.id);
    let message = {
        let fields = [field.clone(), password_field.clone()];
        move || {
            error.get().and_then(|e| {
                let form = e.form_errors()?;
                let messages: Vec<&str> = fields.iter().filter_map(|f| form.field(f)).collect();
                (!messages.is_empty()).then(|| messages.join(" "))
            })
        }
    };
    let typed = error.get_untracked().and_then(|e| {
        e.form_errors()
            .and_then(|f| f.value(&field))
            .map(str::to_owned)
    });
    let paid = match s.utr.clone() {
        Some(utr) => view! { <span data-testid="paid-utr">{format!("Paid · UTR {utr}")}</span> }.into_any(),
        None => view! {
            <ActionForm action attr:class="flex flex-wrap items-center gap-2">
                <input type="hidden" name="id" value=s.id />
                <label for=field.clone() class="sr-only">{label}</label>
                <input id=field.clone() name="utr" value=typed placeholder="UTR from the bank" class="rounded border border-stone-300 px-2 py-1" />
                <label for=password_field.clone() class="sr-only">"Your password"</label>
                <input id=password_field.clone() name="password" type="password" required autocomplete="current-password" placeholder="Your password" class="rounded border border-stone-300 px-2 py-1" />
                <button type="submit" class=SMALL_BUTTON>"Mark paid"</button>
            </ActionForm>
            {move || message().map(|m| view! { <p class="mt-1 text-sm text-red-700">{m}</p> })}
        }.into_any(),
    };
    view! {
        <tr data-partner=s.partner_email.clone()>
            <td>{s.partner_name.clone()} <span class="text-stone-500">{format!(" · {}", s.referral_code)}</span></td>
            <td>{s.upi_id}</td>
            <td>{s.commissions}</td>
            <td data-testid="statement-amount">{s.amount.to_string()}</td>
            <td>{paid}</td>
        </tr>
    }
}
