//! The escalation pass: every open complaint past a deadline escalates once per deadline
//! (`escalation_level` + 1, an event, and a more senior assignee: a manager takes over from an
//! agent, an admin from level 2). Work is found through `next_escalation_at`'s index, and each
//! complaint is escalated under its row lock from the state read under that lock, so passes
//! repeated or run on several replicas at once never escalate a deadline twice.

use chrono::{DateTime, Utc};
use entity::complaints;
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use serde_json::json;
use uuid::Uuid;

use super::events::{self, Event};
use super::row::{instant, set_sla};
use super::sla::{SlaState, escalation_target};
use crate::db::begin_write;
use crate::domain::version::ensure_written;
use crate::model::complaint::ComplaintEventKind;
use crate::model::error::DomainResult;
use crate::model::event::EventType;
use crate::model::role::Role;
use crate::store;

/// Complaints read at a time, and the most one pass escalates; a larger backlog is left to
/// the next pass so that no pass runs unbounded.
const BATCH: u64 = 500;
const MAX_PER_PASS: u64 = 20 * BATCH;

/// Escalates every deadline missed by `now`; returns how many escalations were made.
#[tracing::instrument(skip_all)]
pub async fn escalate_due(db: &DatabaseConnection, now: DateTime<Utc>) -> DomainResult<u64> {
    let now = instant(now);
    let mut escalations = 0;
    let mut seen = 0;
    while seen < MAX_PER_PASS {
        let due = store::complaints::due_for_escalation(db, now, BATCH).await?;
        seen += due.len() as u64;
        // Each one is escalated, or its `next_escalation_at` moved on, so it is not read again.
        for id in &due {
            let tx = begin_write(db).await?;
            escalations += escalate(&tx, *id, now).await?;
            tx.commit().await?;
        }
        if (due.len() as u64) < BATCH {
            break;
        }
    }
    Ok(escalations)
}

/// Who takes a complaint at `level` from `assignee`, if anyone else.
async fn next_assignee(
    tx: &DatabaseTransaction,
    level: i32,
    assignee: Uuid,
) -> DomainResult<Option<Uuid>> {
    let role = match store::users::find(tx, assignee).await? {
        Some(u) => Role::from_stored(&u.role)?,
        None => Role::Agent,
    };
    let Some(target) = escalation_target(level, role) else {
        return Ok(None);
    };
    let mut found = store::users::first_active_with_role(tx, target.as_str()).await?;
    if found.is_none() && target == Role::Manager {
        // No manager: the escalation goes straight to an admin.
        found = store::users::first_active_with_role(tx, Role::Admin.as_str()).await?;
    }
    Ok(found.filter(|u| *u != assignee))
}

async fn escalate(tx: &DatabaseTransaction, id: Uuid, now: DateTime<Utc>) -> DomainResult<u64> {
    let Some(current) = store::versioned::lock::<entity::complaints::Entity, _>(tx, id).await?
    else {
        return Ok(0);
    };
    let mut sla = SlaState::of(&current)?;
    let due = sla.escalate_due(now);
    let mut row = complaints::ActiveModel::default();
    set_sla(&mut row, &sla);
    if due.is_empty() {
        // Another pass came first; keep its work and only make sure the index is right.
        if sla.next_escalation().map(|(_, at)| at) != current.next_escalation_at {
            store::versioned::update_if_version(tx, id, current.version, row).await?;
        }
        return Ok(0);
    }
    let mut level = current.escalation_level;
    let mut assignee = current.assignee_id;
    let mut history = Vec::new();
    for (deadline, due_at) in &due {
        level += 1;
        let from = assignee;
        if let Some(to) = next_assignee(tx, level, assignee).await? {
            assignee = to;
        }
        history.push(
            Event::new(ComplaintEventKind::Escalation, None)
                .note(Some(format!("missed the {} deadline", deadline.as_str())))
                .details(json!({
                    "deadline": deadline, "due_at": due_at, "level": level,
                    "from_assignee_id": from, "to_assignee_id": assignee,
                })),
        );
    }
    row.escalation_level = Set(level);
    row.assignee_id = Set(assignee);
    row.version = Set(current.version + 1);
    row.updated_at = Set(now);
    ensure_written(
        store::versioned::update_if_version(tx, id, current.version, row).await?,
        "complaint",
    )?;
    events::append(tx, id, history, now).await?;
    super::row::announce(tx, None, &[EventType::ComplaintEscalated], id, now).await?;
    Ok(due.len() as u64)
}
