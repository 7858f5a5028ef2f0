//! Generating touchpoints from playbooks: a trigger (a purchase, a new customer) schedules
//! each step of the customer's applicable playbooks and (re)starts their recurring series; a
//! closed occurrence of a series schedules the next. Every generated touchpoint has an
//! `occurrence_key`, unique in the table, so generating twice (two passes, two replicas)
//! never creates a duplicate. Callers hold the customer's row lock.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use entity::{customers, playbooks, touchpoints};
use sea_orm::{DatabaseTransaction, Set};
use uuid::Uuid;

use crate::domain::cadence::duration::CalendarDuration;
use crate::domain::cadence::plan::{ELAPSED_REASON, Reach, next_occurrence, step};
use crate::domain::cadence::window::{Window, local_time, place, resolve_local, start_of_day};
use crate::domain::consent::{self, Contact};
use crate::domain::customer::records;
use crate::domain::touchpoint::row::{NewTouchpoint, announce, id_of};
use crate::dto::playbook::{PlaybookRecurrence, PlaybookStep};
use crate::model::cadence::{Purpose, Trigger};
use crate::model::customer::{Channel, ContactWindow, CustomerStatus};
use crate::model::error::{DomainError, DomainResult};
use crate::model::touchpoint::{Source, Status};
use crate::store;

/// The customer's timezone and contact window, for the arithmetic.
pub fn reach_of(customer: &customers::Model) -> DomainResult<Reach> {
    let tz: Tz = customer
        .timezone
        .parse()
        .map_err(|_| DomainError::internal(format!("stored timezone `{}`", customer.timezone)))?;
    let window = match &customer.contact_window {
        Some(json) => {
            let stored: ContactWindow =
                serde_json::from_value(json.clone()).map_err(DomainError::internal)?;
            Window::from_profile(&stored)
        }
        None => None,
    };
    Ok(Reach { tz, window })
}

struct Occurrence<'a> {
    key: String,
    due_at: DateTime<Utc>,
    elapsed: bool,
    channel: Channel,
    purpose: Purpose,
    title: &'a str,
    series_anchor_at: Option<DateTime<Utc>>,
}

async fn insert(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    playbook: &playbooks::Model,
    o: Occurrence<'_>,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let Some(row) = occurrence_row(customer, playbook, o, now)? else {
        return Ok(false);
    };
    let id = id_of(&row);
    let inserted = store::touchpoints::insert_generated(tx, row).await?;
    if inserted {
        announce(tx, None, id.as_slice(), now).await?;
    }
    Ok(inserted)
}

/// The touchpoint row an occurrence becomes; `None` when nothing is planned for the customer.
fn occurrence_row(
    customer: &customers::Model,
    playbook: &playbooks::Model,
    o: Occurrence<'_>,
    now: DateTime<Utc>,
) -> DomainResult<Option<touchpoints::ActiveModel>> {
    // A lost customer's cadence has stopped: nothing new is planned until it is won back.
    if customer.status == CustomerStatus::Churned.as_str() {
        return Ok(None);
    }
    let (channel, refused) = match consent::contact(customer, o.channel)? {
        Contact::Never => return Ok(None),
        Contact::Via(channel) => (channel, None),
        Contact::Refused(channel) => (channel, Some(consent::no_consent_reason(channel))),
    };
    let (status, reason) = if o.elapsed {
        (Status::Skipped, Some(ELAPSED_REASON.to_string()))
    } else if let Some(reason) = refused {
        (Status::Skipped, Some(reason))
    } else {
        (Status::Scheduled, None)
    };
    let mut row = NewTouchpoint {
        customer_id: customer.id,
        assignee_id: customer.owner_id,
        due_at: o.due_at,
        channel,
        purpose: o.purpose,
        title: o.title.to_string(),
        notes: None,
        source: Source::Playbook,
    }
    .row(now);
    row.status = Set(status.as_str().into());
    row.skip_reason = Set(reason);
    row.playbook_id = Set(Some(playbook.id));
    row.occurrence_key = Set(Some(o.key));
    row.series_anchor_at = Set(o.series_anchor_at);
    Ok(Some(row))
}

fn parse(text: &str) -> DomainResult<CalendarDuration> {
    CalendarDuration::parse(text).map_err(DomainError::internal)
}

/// Applies the playbooks `trigger` starts for `customer`, triggered at `trigger_at` by the
/// event `cause` (its id makes the occurrences of this trigger distinct). Returns how many
/// touchpoints were created.
pub async fn on_trigger(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    trigger: Trigger,
    trigger_at: DateTime<Utc>,
    cause: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let playbooks =
        store::playbooks::applicable(tx, customer.id, &customer.tier, trigger.as_str()).await?;
    if playbooks.is_empty() {
        // Most customers have no `customer_created` playbook: nothing else to read or write.
        return Ok(0);
    }
    let reach = reach_of(customer)?;
    let mut created = 0;
    for playbook in &playbooks {
        let steps: Vec<PlaybookStep> =
            serde_json::from_value(playbook.steps.clone()).map_err(DomainError::internal)?;
        for (i, s) in steps.iter().enumerate() {
            let Some(planned) = step(trigger_at, &parse(&s.offset)?, &reach, now) else {
                continue;
            };
            let occurrence = Occurrence {
                key: format!("step:{}:{cause}:{i}", playbook.id),
                due_at: planned.due_at,
                elapsed: planned.elapsed,
                channel: s.channel,
                purpose: s.purpose,
                title: &s.title,
                series_anchor_at: None,
            };
            created += u64::from(insert(tx, customer, playbook, occurrence, now).await?);
        }
        created += restart_series(tx, customer, playbook, &reach, trigger_at, now).await?;
    }
    records::refresh_derived(tx, customer.id).await?;
    Ok(created)
}

/// Re-anchors the playbook's recurring series at `anchor`: the open occurrence (if any) is
/// cancelled and the first occurrence after the anchor scheduled; unless the series already
/// runs from a later anchor.
async fn restart_series(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    playbook: &playbooks::Model,
    reach: &Reach,
    anchor: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let Some(recurrence) = recurrence_of(playbook)? else {
        return Ok(0);
    };
    let open = store::touchpoints::open_series(tx, customer.id, playbook.id).await?;
    // A series stays anchored at its newest trigger: a purchase logged late (older than the
    // one the series runs from) leaves it where it is.
    if open
        .iter()
        .any(|t| t.series_anchor_at.is_some_and(|at| at > anchor))
    {
        return Ok(0);
    }
    let open: Vec<Uuid> = open.into_iter().map(|t| t.id).collect();
    store::touchpoints::close_many(tx, &open, Status::Cancelled, None, now).await?;
    announce(tx, None, &open, now).await?;
    schedule_next(
        tx,
        customer,
        playbook,
        &recurrence,
        reach,
        anchor,
        anchor,
        now,
    )
    .await
}

fn recurrence_of(playbook: &playbooks::Model) -> DomainResult<Option<PlaybookRecurrence>> {
    playbook
        .recurrence
        .clone()
        .map(serde_json::from_value)
        .transpose()
        .map_err(DomainError::internal)
}

#[allow(clippy::too_many_arguments)]
async fn schedule_next(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    playbook: &playbooks::Model,
    recurrence: &PlaybookRecurrence,
    reach: &Reach,
    anchor: DateTime<Utc>,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let Some(occurrence) =
        series_occurrence(customer, playbook, recurrence, reach, anchor, after, now)?
    else {
        return Ok(0);
    };
    Ok(u64::from(
        insert(tx, customer, playbook, occurrence, now).await?,
    ))
}

/// The first occurrence of a series anchored at `anchor` after `after`, if there is one.
fn series_occurrence<'a>(
    customer: &customers::Model,
    playbook: &playbooks::Model,
    recurrence: &'a PlaybookRecurrence,
    reach: &Reach,
    anchor: DateTime<Utc>,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DomainResult<Option<Occurrence<'a>>> {
    let every = parse(&recurrence.every)?;
    let Some(due_at) = next_occurrence(anchor, &every, after, reach, now) else {
        return Ok(None);
    };
    Ok(Some(Occurrence {
        key: format!(
            "series:{}:{}:{}:{}",
            playbook.id,
            customer.id,
            anchor.timestamp(),
            due_at.timestamp()
        ),
        due_at,
        elapsed: false,
        channel: recurrence.channel,
        purpose: recurrence.purpose,
        title: &recurrence.title,
        series_anchor_at: Some(anchor),
    }))
}

/// After an occurrence of a series is done or skipped: the next one, when its playbook is
/// still active and recurring.
pub async fn after_closed(
    tx: &DatabaseTransaction,
    closed: &touchpoints::Model,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let (Some(anchor), Some(playbook_id)) = (closed.series_anchor_at, closed.playbook_id) else {
        return Ok(0);
    };
    let Some(playbook) = store::playbooks::find(tx, playbook_id).await? else {
        return Ok(0);
    };
    let Some(recurrence) = recurrence_of(&playbook)?.filter(|_| playbook.active) else {
        return Ok(0);
    };
    let Some(customer) = store::customers::find_visible(
        tx,
        closed.customer_id,
        crate::model::role::CustomerScope::All,
    )
    .await?
    else {
        return Ok(0);
    };
    let reach = reach_of(&customer)?;
    let created = schedule_next(
        tx,
        &customer,
        &playbook,
        &recurrence,
        &reach,
        anchor,
        closed.due_at,
        now,
    )
    .await?;
    records::refresh_derived(tx, customer.id).await?;
    Ok(created)
}

/// A customer's timezone or contact window changed (`before` is the row as it was, `after`
/// as written): every open touchpoint not yet due is placed again for the new reach. What
/// the cadence planned keeps its local day and time, now read in the new timezone, moved to
/// the next opening of the new window when outside it; a greeting moves to the start of the
/// new window on its day; manual and complaint touchpoints keep their instant unless it falls
/// outside the new window, and then move to its next opening. Returns how many moved.
pub async fn on_reach_change(
    tx: &DatabaseTransaction,
    before: &customers::Model,
    after: &customers::Model,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let (old, new) = (reach_of(before)?, reach_of(after)?);
    let mut moved = 0;
    for t in store::touchpoints::open_upcoming(tx, after.id, now).await? {
        let Some(local) = local_time(t.due_at, old.tz) else {
            continue;
        };
        let due_at = match Source::from_stored(&t.source)? {
            Source::Playbook => place(resolve_local(local, new.tz), new.tz, new.window.as_ref()),
            Source::Birthday | Source::ImportantDate => {
                start_of_day(local.date(), new.tz, new.window.as_ref())
            }
            Source::Manual | Source::Complaint => place(t.due_at, new.tz, new.window.as_ref()),
        };
        if due_at != t.due_at && due_at > now {
            moved += store::touchpoints::move_due(tx, t.id, due_at, now).await?;
        }
    }
    if moved > 0 {
        records::refresh_derived(tx, after.id).await?;
    }
    Ok(moved)
}

/// Why a lost customer's open cadence was cancelled.
pub const CHURNED_REASON: &str = "customer churned";

/// The sources of the touchpoints a customer's cadence plans; manual and complaint
/// touchpoints are someone's explicit work and stay when the customer is lost.
const CADENCE: [Source; 3] = [Source::Playbook, Source::Birthday, Source::ImportantDate];

/// A customer marked churned: its open cadence touchpoints (playbook steps and series,
/// greetings) are cancelled with the reason, and no new ones are planned while it stays so.
pub async fn on_churn(
    tx: &DatabaseTransaction,
    customer_id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let open = store::touchpoints::open_from(tx, customer_id, &CADENCE).await?;
    let cancelled =
        store::touchpoints::close_many(tx, &open, Status::Cancelled, Some(CHURNED_REASON), now)
            .await?;
    announce(tx, None, &open, now).await?;
    records::refresh_derived(tx, customer_id).await?;
    Ok(cancelled)
}

/// A tier change: the open touchpoints of the old tier's playbooks are cancelled and the new
/// tier's recurring series start now. A customer with a personal plan keeps it.
pub async fn on_tier_change(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    old_tier: &str,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    on_tier_changes(tx, &[(customer.clone(), old_tier.to_string())], now).await
}

/// [`on_tier_change`] for many customers, each (as written, in its new tier) with the tier it
/// had: a re-tiering import changes thousands, and here they cost a few statements together
/// rather than a dozen each. Callers hold the customers' row locks.
pub async fn on_tier_changes(
    tx: &DatabaseTransaction,
    changed: &[(customers::Model, String)],
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    if changed.is_empty() {
        return Ok(0);
    }
    let ids: Vec<Uuid> = changed.iter().map(|(c, _)| c.id).collect();
    let mut by_old_tier: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    for (customer, old_tier) in changed {
        by_old_tier.entry(old_tier).or_default().push(customer.id);
    }
    let mut stale = Vec::new();
    for (old_tier, customers) in by_old_tier {
        stale.extend(store::touchpoints::open_of_tier(tx, &customers, old_tier).await?);
    }
    let mut count =
        store::touchpoints::close_many(tx, &stale, Status::Cancelled, None, now).await?;
    announce(tx, None, &stale, now).await?;

    let personal = store::playbooks::with_personal_plan(tx, &ids).await?;
    let mut series_of_tier: HashMap<&str, Vec<(playbooks::Model, PlaybookRecurrence)>> =
        HashMap::new();
    for (customer, _) in changed {
        if !series_of_tier.contains_key(customer.tier.as_str()) {
            let mut series = Vec::new();
            for playbook in store::playbooks::recurring_of_tier(tx, &customer.tier).await? {
                if let Some(recurrence) = recurrence_of(&playbook)? {
                    series.push((playbook, recurrence));
                }
            }
            series_of_tier.insert(&customer.tier, series);
        }
    }
    let playbook_ids: Vec<Uuid> = series_of_tier
        .values()
        .flatten()
        .map(|(p, _)| p.id)
        .collect();
    let mut open: HashMap<(Uuid, Uuid), Vec<touchpoints::Model>> = HashMap::new();
    for t in store::touchpoints::open_series_many(tx, &ids, &playbook_ids).await? {
        if let Some(playbook_id) = t.playbook_id {
            open.entry((t.customer_id, playbook_id))
                .or_default()
                .push(t);
        }
    }
    // Each series restarts now, as `restart_series` does, unless it already runs from later.
    let (mut ending, mut planned) = (Vec::new(), Vec::new());
    for (customer, _) in changed {
        if personal.contains(&customer.id) {
            continue;
        }
        let reach = reach_of(customer)?;
        for (playbook, recurrence) in &series_of_tier[customer.tier.as_str()] {
            let open = open.remove(&(customer.id, playbook.id)).unwrap_or_default();
            if open
                .iter()
                .any(|t| t.series_anchor_at.is_some_and(|at| at > now))
            {
                continue;
            }
            ending.extend(open.iter().map(|t| t.id));
            if let Some(o) =
                series_occurrence(customer, playbook, recurrence, &reach, now, now, now)?
                && let Some(row) = occurrence_row(customer, playbook, o, now)?
            {
                planned.push(row);
            }
        }
    }
    count += store::touchpoints::close_many(tx, &ending, Status::Cancelled, None, now).await?;
    announce(tx, None, &ending, now).await?;
    let planned_ids: Vec<Uuid> = planned.iter().filter_map(id_of).collect();
    count += store::touchpoints::insert_generated_many(tx, planned).await?;
    // Only what was inserted is found, so an occurrence planned already is not announced again.
    announce(tx, None, &planned_ids, now).await?;
    records::refresh_derived_of(tx, &ids).await?;
    Ok(count)
}
