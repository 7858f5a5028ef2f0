//! Moving a complaint through the workflow, and what each step sets off: acknowledging
//! records the first response, waiting pauses the SLA clock and resuming moves the deadlines,
//! resolving schedules the satisfaction follow-up (and the `complaint_resolved` playbooks),
//! and a closing rating of 1 or 2 reopens the complaint and tells the customer's owner.

use chrono::{DateTime, Duration, Utc};
use entity::{complaints, customers};
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use serde_json::json;
use uuid::Uuid;

use super::events::{self, Event};
use super::row::{instant, locked_for_change, set_sla, to_dto, visible};
use super::sla::SlaState;
use super::workflow;
use crate::db::begin_write;
use crate::domain::cadence::window::place;
use crate::domain::customer::records;
use crate::domain::schedule::{self, reach_of};
use crate::domain::touchpoint::row::{NewTouchpoint, announce};
use crate::domain::version::ensure_written;
use crate::dto::complaint::{Complaint, ComplaintTransition};
use crate::model::cadence::{Purpose, Trigger};
use crate::model::complaint::{ComplaintEventKind, ComplaintStatus};
use crate::model::customer::Channel;
use crate::model::error::FieldCode;
use crate::model::error::{Conflict, DomainError, DomainResult};
use crate::model::event::EventType;
use crate::model::role::Actor;
use crate::model::touchpoint::{Source, Status};
use crate::store;

/// How long after resolving the customer is asked whether the repair satisfied them.
pub const FOLLOW_UP_AFTER: Duration = Duration::days(3);

/// A closing rating at or below this reopens the complaint.
const UNSATISFIED_AT_MOST: u8 = 2;

/// Why a closed complaint's open follow-up was cancelled.
pub const CLOSED_REASON: &str = "complaint closed";

/// Fields that only one target takes.
fn check_body(input: &ComplaintTransition) -> DomainResult<()> {
    if input.resolution.is_some() && input.to != ComplaintStatus::Resolved {
        return Err(DomainError::invalid(
            "resolution",
            FieldCode::NotAllowed,
            "is given only with \"to\": \"resolved\"",
        ));
    }
    if input
        .resolution
        .as_deref()
        .is_some_and(|r| r.trim().is_empty())
    {
        return Err(DomainError::invalid(
            "resolution",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    if input.satisfaction_after.is_some() && input.to != ComplaintStatus::Closed {
        return Err(DomainError::invalid(
            "satisfaction_after",
            FieldCode::NotAllowed,
            "is given only with \"to\": \"closed\"",
        ));
    }
    Ok(())
}

fn refused(
    from: ComplaintStatus,
    to: ComplaintStatus,
    allowed: Vec<ComplaintStatus>,
) -> DomainError {
    let detail = if allowed.is_empty() {
        format!("a {} complaint cannot change any more", from.as_str())
    } else {
        format!(
            "a complaint that is {} cannot move to {}; it can move to {}",
            from.as_str(),
            to.as_str(),
            allowed
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    DomainError::Conflict(Conflict {
        detail,
        allowed: Some(allowed.iter().map(|s| s.as_str().to_string()).collect()),
        candidates: None,
    })
}

/// A touchpoint title about the complaint, within the column's 200 characters.
fn title(prefix: &str, subject: &str) -> String {
    format!("{prefix}: {subject}").chars().take(200).collect()
}

/// Schedules a `complaint_follow_up` touchpoint, due at `due` moved into the customer's
/// contact window.
async fn follow_up(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    complaint: &complaints::Model,
    assignee: Uuid,
    due: DateTime<Utc>,
    text: &str,
    now: DateTime<Utc>,
) -> DomainResult<Uuid> {
    let reach = reach_of(customer)?;
    let mut row = NewTouchpoint {
        customer_id: customer.id,
        assignee_id: assignee,
        due_at: place(due, reach.tz, reach.window.as_ref()),
        channel: match &complaint.channel {
            Some(c) => Channel::from_stored(c)?,
            None => Channel::Phone,
        },
        purpose: Purpose::ComplaintFollowUp,
        title: title(text, &complaint.subject),
        notes: None,
        source: Source::Complaint,
    }
    .row(now);
    row.complaint_id = Set(Some(complaint.id));
    let id = store::touchpoints::insert(tx, row).await?.id;
    announce(tx, None, &[id], now).await?;
    Ok(id)
}

/// `POST /complaints/{id}/transitions`.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id = %id))]
pub async fn transition(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: ComplaintTransition,
    now: DateTime<Utc>,
) -> DomainResult<Complaint> {
    let now = instant(now);
    check_body(&input)?;
    let tx = begin_write(db).await?;
    let (customer, current) = locked_for_change(&tx, actor, id).await?;
    let mut sla = SlaState::of(&current)?;
    let from = sla.status;
    let to =
        workflow::transition(from, input.to).map_err(|allowed| refused(from, input.to, allowed))?;

    let mut row = complaints::ActiveModel {
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    let mut history = Vec::new();
    let mut reached = to;
    match to {
        ComplaintStatus::Acknowledged => {
            sla.first_responded_at.get_or_insert(now);
        }
        ComplaintStatus::WaitingOnCustomer => sla.pause(now),
        ComplaintStatus::InProgress => {
            let waited = sla.resume(now);
            if waited > Duration::zero() {
                history.push(
                    Event::new(ComplaintEventKind::Updated, Some(actor.recorded())).details(
                        json!({"fields": ["first_response_due_at", "resolution_due_at"], "waited_seconds": waited.num_seconds()}),
                    ),
                );
            }
        }
        ComplaintStatus::Resolved => {
            let resolution = match input.resolution.as_deref().map(str::trim) {
                Some(r) => r.to_string(),
                None => current
                    .resolution
                    .clone()
                    .filter(|r| !r.trim().is_empty())
                    .ok_or_else(|| {
                        DomainError::invalid(
                            "resolution",
                            FieldCode::Required,
                            "is required to resolve: give it here or on the complaint first",
                        )
                    })?,
            };
            row.resolution = Set(Some(resolution));
            sla.resolved_at = Some(now);
            let touchpoint = follow_up(
                &tx,
                &customer,
                &current,
                current.assignee_id,
                now + FOLLOW_UP_AFTER,
                "Satisfaction check after the repair",
                now,
            )
            .await?;
            // Each resolution is its own trigger (a complaint may be resolved again after reopening).
            schedule::on_trigger(
                &tx,
                &customer,
                Trigger::ComplaintResolved,
                now,
                Uuid::now_v7(),
                now,
            )
            .await?;
            history.push(
                Event::new(ComplaintEventKind::Updated, None)
                    .details(json!({"follow_up_touchpoint_id": touchpoint})),
            );
        }
        ComplaintStatus::Closed => {
            if let Some(rating) = input.satisfaction_after {
                row.satisfaction_after = Set(Some(i16::from(rating.0)));
                history.push(
                    Event::new(ComplaintEventKind::Satisfaction, Some(actor.recorded()))
                        .details(json!({"rating": rating.0})),
                );
                if rating.0 <= UNSATISFIED_AT_MOST {
                    // Not done until the customer is satisfied: reopen, and tell the owner.
                    reached = ComplaintStatus::Reopened;
                }
            }
            if reached == ComplaintStatus::Closed {
                row.closed_at = Set(Some(now));
                // The satisfaction follow-up is settled: done when the customer's rating
                // was taken, cancelled otherwise, so it never turns overdue.
                let open = store::touchpoints::open_of_complaint(&tx, id).await?;
                match input.satisfaction_after {
                    Some(_) => store::touchpoints::complete_many(&tx, &open, now).await?,
                    None => {
                        store::touchpoints::close_many(
                            &tx,
                            &open,
                            Status::Cancelled,
                            Some(CLOSED_REASON),
                            now,
                        )
                        .await?
                    }
                };
                announce(&tx, Some(actor.recorded()), &open, now).await?;
            }
        }
        ComplaintStatus::Reopened | ComplaintStatus::Open => {}
    }
    if reached == ComplaintStatus::Reopened {
        sla.resolved_at = None;
        let open = store::touchpoints::open_of_complaint(&tx, id).await?;
        store::touchpoints::close_many(&tx, &open, Status::Cancelled, None, now).await?;
        announce(&tx, Some(actor.recorded()), &open, now).await?;
        if to == ComplaintStatus::Closed {
            let touchpoint = follow_up(
                &tx,
                &customer,
                &current,
                customer.owner_id,
                now,
                "Customer unhappy with the repair",
                now,
            )
            .await?;
            history.push(
                Event::new(ComplaintEventKind::Updated, None)
                    .details(json!({"owner_touchpoint_id": touchpoint})),
            );
        }
    }
    sla.status = reached;
    set_sla(&mut row, &sla);
    // The complaint is locked, so the version read is the one replaced.
    ensure_written(
        store::versioned::update_if_version(&tx, id, current.version, row).await?,
        "complaint",
    )?;
    history.insert(
        0,
        Event::new(ComplaintEventKind::Transition, Some(actor.recorded()))
            .moved(from, reached)
            .note(
                input
                    .note
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty()),
            ),
    );
    // The satisfaction precedes the transition it caused.
    if let Some(i) = history
        .iter()
        .position(|e| e.kind == ComplaintEventKind::Satisfaction)
    {
        let rated = history.remove(i);
        history.insert(0, rated);
    }
    events::append(&tx, id, history, now).await?;
    // Open complaints and the next touchpoint due, after whatever this step closed or planned.
    records::refresh_derived(&tx, customer.id).await?;
    let kinds: &[EventType] = if reached == ComplaintStatus::Reopened {
        &[
            EventType::ComplaintTransitioned,
            EventType::ComplaintReopened,
        ]
    } else {
        &[EventType::ComplaintTransitioned]
    };
    super::row::announce(&tx, Some(actor.recorded()), kinds, id, now).await?;
    let updated = visible(&tx, actor, id).await?;
    tx.commit().await?;
    to_dto(updated, now)
}
