//! Complaint operations: receive, read, list, edit the descriptive fields, annotate; and the
//! hand-over of open complaints when their holder changes.

use chrono::{DateTime, SubsecRound, Utc};
use entity::complaints;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, Set};
use serde_json::json;
use uuid::Uuid;

use super::events::{self, Event};
use super::sla::SlaState;
use super::{
    ComplaintCategory, ComplaintEventKind, ComplaintKind, ComplaintStatus, Severity, policy,
};
use crate::db::begin_write;
use crate::domain::customer::fields::Channel;
use crate::domain::customer::ops::locked_customer;
use crate::domain::customer::ownership::check_assignee;
use crate::domain::error::{DomainError, DomainResult, FieldError};
use crate::domain::interaction::check_not_future;
use crate::domain::page::keyset;
use crate::domain::role::Actor;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::complaint::{
    Complaint, ComplaintCreate, ComplaintEvent, ComplaintListQuery, ComplaintNote, ComplaintPatch,
    ComplaintSort,
};
use crate::dto::page::{Page, PageQuery};
use crate::store;
use crate::store::complaints::{ComplaintFilter, Order};

/// Complaint times are kept to the microsecond, as PostgreSQL stores them, so that a
/// deadline moved by the time waited is exact on every database.
pub fn instant(now: DateTime<Utc>) -> DateTime<Utc> {
    now.trunc_subsecs(6)
}

/// The complaint as the API shows it at `now`.
pub fn to_dto(m: complaints::Model, now: DateTime<Utc>) -> DomainResult<Complaint> {
    let sla = SlaState::of(&m)?;
    Ok(Complaint {
        id: m.id,
        customer_id: m.customer_id,
        kind: ComplaintKind::from_stored(&m.kind)?,
        category: ComplaintCategory::from_stored(&m.category)?,
        severity: Severity::from_stored(&m.severity)?,
        subject: m.subject,
        description: m.description,
        channel: m.channel.as_deref().map(Channel::from_stored).transpose()?,
        received_at: m.received_at,
        assignee_id: m.assignee_id,
        status: sla.status,
        remediation_plan: m.remediation_plan,
        resolution: m.resolution,
        satisfaction_after: m.satisfaction_after,
        escalation_level: m.escalation_level,
        first_response_due_at: m.first_response_due_at,
        resolution_due_at: m.resolution_due_at,
        first_responded_at: m.first_responded_at,
        resolved_at: m.resolved_at,
        closed_at: m.closed_at,
        waiting_since: m.waiting_since,
        breached: sla.breached(now),
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// Writes the SLA state's fields, and the escalation it now waits for, into `row`.
pub fn set_sla(row: &mut complaints::ActiveModel, sla: &SlaState) {
    row.status = Set(sla.status.as_str().into());
    row.first_response_due_at = Set(sla.first_response_due_at);
    row.resolution_due_at = Set(sla.resolution_due_at);
    row.first_responded_at = Set(sla.first_responded_at);
    row.resolved_at = Set(sla.resolved_at);
    row.waiting_since = Set(sla.waiting_since);
    row.paused_seconds = Set(sla.paused_seconds);
    row.response_escalated = Set(sla.response_escalated);
    row.resolution_escalations = Set(sla.resolution_escalations);
    row.next_escalation_at = Set(sla.next_escalation().map(|(_, at)| at));
}

/// The complaint, when the actor can see it (with its customer).
pub async fn visible<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<complaints::Model> {
    store::complaints::find_visible(db, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("complaint"))
}

/// The complaint, visible to an actor who may change it, locked with its customer (customer
/// first, see "Check-then-write"). Returns the customer too.
pub async fn locked_for_change(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<(entity::customers::Model, complaints::Model)> {
    let found = visible(tx, actor, id).await?;
    let customer = locked_customer(tx, actor, found.customer_id).await?;
    actor.ensure_can_write()?;
    let current = store::complaints::lock(tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("complaint"))?;
    Ok((customer, current))
}

fn blank(text: Option<&str>) -> bool {
    text.is_some_and(|t| t.trim().is_empty())
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: ComplaintCreate,
    now: DateTime<Utc>,
) -> DomainResult<Complaint> {
    let now = instant(now);
    actor.ensure_can_write()?;
    let mut errors = Vec::new();
    if blank(Some(&input.subject)) {
        errors.push(FieldError::new("subject", "must not be blank"));
    }
    let received_at = instant(input.received_at.unwrap_or(now));
    if let Err(e) = check_not_future("received_at", received_at, now) {
        errors.push(e);
    }
    let tx = begin_write(db).await?;
    let customer =
        store::customers::lock_visible(&tx, input.customer_id, actor.customer_scope()).await?;
    let Some(customer) = customer else {
        return Err(DomainError::invalid("customer_id", "no such customer"));
    };
    let assignee = input.assignee_id.unwrap_or(customer.owner_id);
    check_assignee(&tx, actor, assignee, "complaints", &mut errors).await?;
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let severity = input.severity.unwrap_or(Severity::Medium);
    let sla = SlaState::received(received_at, policy::of(&tx, severity).await?);
    let id = Uuid::now_v7();
    tracing::Span::current().record("complaint.id", tracing::field::display(id));
    let mut row = complaints::ActiveModel {
        id: Set(id),
        customer_id: Set(customer.id),
        kind: Set(input
            .kind
            .unwrap_or(ComplaintKind::Complaint)
            .as_str()
            .into()),
        category: Set(input
            .category
            .unwrap_or(ComplaintCategory::Other)
            .as_str()
            .into()),
        severity: Set(severity.as_str().into()),
        subject: Set(input.subject.trim().to_string()),
        description: Set(input.description),
        channel: Set(input.channel.map(|c| c.as_str().to_string())),
        received_at: Set(received_at),
        assignee_id: Set(assignee),
        remediation_plan: Set(input.remediation_plan),
        resolution: Set(None),
        satisfaction_after: Set(None),
        escalation_level: Set(0),
        closed_at: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_sla(&mut row, &sla);
    let saved = store::complaints::insert(&tx, row).await?;
    let created = Event::new(ComplaintEventKind::Created, Some(actor.id))
        .details(json!({"severity": severity, "assignee_id": assignee}));
    events::append(&tx, id, vec![created], now).await?;
    store::complaints::refresh_open_count(&tx, customer.id).await?;
    tx.commit().await?;
    to_dto(saved, now)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id = %id))]
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Complaint> {
    to_dto(visible(db, actor, id).await?, now)
}

/// The position after the last row, for the order it was made for.
#[derive(serde::Serialize, serde::Deserialize)]
struct Cursor {
    s: ComplaintSort,
    at: DateTime<Utc>,
    id: Uuid,
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: ComplaintListQuery,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<Complaint>> {
    let page = page.request::<Cursor>()?;
    let sort = q.sort.unwrap_or(ComplaintSort::ReceivedDesc);
    let after = match page.after {
        Some(c) if c.s != sort => {
            return Err(DomainError::invalid(
                "cursor",
                "was made for another sort order",
            ));
        }
        other => other.map(|c| (c.at, c.id)),
    };
    let filter = ComplaintFilter {
        customer_id: q.customer_id,
        assignee_id: q.assignee_id,
        status: q.status.map(ComplaintStatus::as_str),
        kind: q.kind.map(ComplaintKind::as_str),
        category: q.category.map(ComplaintCategory::as_str),
        severity: q.severity.map(Severity::as_str),
        breached: q.breached.map(|b| (b, now)),
        received_from: q.received_from,
        received_to: q.received_to,
    };
    let order = match sort {
        ComplaintSort::ReceivedDesc => Order::ReceivedDesc,
        ComplaintSort::ReceivedAsc => Order::ReceivedAsc,
        ComplaintSort::ResolutionDueAsc => Order::ResolutionDueAsc,
    };
    let rows = store::complaints::list(
        db,
        actor.customer_scope(),
        &filter,
        order,
        after,
        page.limit,
    )
    .await?;
    keyset(rows, |m| Cursor {
        s: sort,
        at: match sort {
            ComplaintSort::ResolutionDueAsc => m.resolution_due_at,
            _ => m.received_at,
        },
        id: m.id,
    })
    .try_map(|m| to_dto(m, now))
}

/// Names of the fields a patch changes, for the history.
fn changed_fields(p: &ComplaintPatch, c: &complaints::Model) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name, changed: bool| {
        if changed {
            fields.push(name);
        }
    };
    check("kind", p.kind.is_some_and(|v| v.as_str() != c.kind));
    check(
        "category",
        p.category.is_some_and(|v| v.as_str() != c.category),
    );
    check(
        "severity",
        p.severity.is_some_and(|v| v.as_str() != c.severity),
    );
    check(
        "subject",
        p.subject.as_deref().is_some_and(|v| v.trim() != c.subject),
    );
    check(
        "description",
        p.description.as_ref().is_some_and(|v| *v != c.description),
    );
    check(
        "channel",
        p.channel
            .as_ref()
            .is_some_and(|v| v.map(Channel::as_str) != c.channel.as_deref()),
    );
    check(
        "remediation_plan",
        p.remediation_plan
            .as_ref()
            .is_some_and(|v| *v != c.remediation_plan),
    );
    check(
        "resolution",
        p.resolution.as_ref().is_some_and(|v| *v != c.resolution),
    );
    fields
}

/// `PATCH /complaints/{id}`: the descriptive fields, never the status.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: ComplaintPatch,
    now: DateTime<Utc>,
) -> DomainResult<Complaint> {
    let now = instant(now);
    let tx = begin_write(db).await?;
    let (_, current) = locked_for_change(&tx, actor, id).await?;
    let mut errors = Vec::new();
    if blank(patch.subject.as_deref()) {
        errors.push(FieldError::new("subject", "must not be blank"));
    }
    if blank(patch.resolution.as_ref().and_then(|r| r.as_deref())) {
        errors.push(FieldError::new("resolution", "must not be blank"));
    }
    let reassigned = patch.assignee_id.filter(|a| *a != current.assignee_id);
    if let Some(assignee) = reassigned {
        check_assignee(&tx, actor, assignee, "complaints", &mut errors).await?;
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    precondition.check(current.version)?;

    let fields = changed_fields(&patch, &current);
    let mut row = complaints::ActiveModel {
        kind: patch
            .kind
            .map(|v| Set(v.as_str().to_string()))
            .unwrap_or_default(),
        category: patch
            .category
            .map(|v| Set(v.as_str().to_string()))
            .unwrap_or_default(),
        subject: patch
            .subject
            .map(|v| Set(v.trim().to_string()))
            .unwrap_or_default(),
        description: patch.description.map(Set).unwrap_or_default(),
        channel: patch
            .channel
            .map(|v| Set(v.map(|c| c.as_str().to_string())))
            .unwrap_or_default(),
        assignee_id: reassigned.map(Set).unwrap_or_default(),
        remediation_plan: patch.remediation_plan.map(Set).unwrap_or_default(),
        resolution: patch.resolution.map(Set).unwrap_or_default(),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(severity) = patch.severity.filter(|s| s.as_str() != current.severity) {
        // Deadlines count from receipt under the new severity's policy.
        let mut sla = SlaState::of(&current)?;
        sla.apply_policy(policy::of(&tx, severity).await?);
        set_sla(&mut row, &sla);
        row.severity = Set(severity.as_str().into());
    }
    ensure_written(
        store::complaints::update_if_version(&tx, id, current.version, row).await?,
        "complaint",
    )?;
    let mut history = Vec::new();
    if !fields.is_empty() {
        history.push(
            Event::new(ComplaintEventKind::Updated, Some(actor.id))
                .details(json!({ "fields": fields })),
        );
    }
    if let Some(to) = reassigned {
        history.push(
            Event::new(ComplaintEventKind::Assignment, Some(actor.id))
                .details(json!({"from_assignee_id": current.assignee_id, "to_assignee_id": to})),
        );
    }
    events::append(&tx, id, history, now).await?;
    let updated = visible(&tx, actor, id).await?;
    tx.commit().await?;
    to_dto(updated, now)
}

/// `POST /complaints/{id}/notes`: a note in the history; the complaint itself is unchanged.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id = %id))]
pub async fn add_note(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: ComplaintNote,
    now: DateTime<Utc>,
) -> DomainResult<ComplaintEvent> {
    let now = instant(now);
    if blank(Some(&input.note)) {
        return Err(DomainError::invalid("note", "must not be blank"));
    }
    let tx = begin_write(db).await?;
    locked_for_change(&tx, actor, id).await?;
    let note =
        Event::new(ComplaintEventKind::Note, Some(actor.id)).note(Some(input.note.trim().into()));
    let saved = events::append_one(&tx, id, note, now).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Moves the open complaints `from` holds (of one customer, or all of them) to `to`,
/// recording each assignment. Returns how many moved.
pub async fn hand_over<C: ConnectionTrait>(
    db: &C,
    customer_id: Option<Uuid>,
    from: Uuid,
    to: Uuid,
    by: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let now = instant(now);
    let held = store::complaints::open_held_by(db, customer_id, from).await?;
    let ids: Vec<Uuid> = held.iter().map(|c| c.id).collect();
    store::complaints::reassign(db, &ids, to, now).await?;
    for id in &ids {
        let moved = Event::new(ComplaintEventKind::Assignment, Some(by))
            .details(json!({"from_assignee_id": from, "to_assignee_id": to}))
            .note(Some("open work handed over".into()));
        events::append(db, *id, vec![moved], now).await?;
    }
    Ok(ids.len() as u64)
}

/// How many open complaints `user` holds.
pub async fn open_held<C: ConnectionTrait>(db: &C, user: Uuid) -> DomainResult<usize> {
    Ok(store::complaints::open_held_by(db, None, user).await?.len())
}
