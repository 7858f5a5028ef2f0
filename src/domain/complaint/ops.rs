//! Complaint operations: receive, read and list, with the helpers every change shares
//! (visibility, locking, the SLA columns, the API shape).

use chrono::{DateTime, SubsecRound, Utc};
use entity::complaints;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, Set};
use serde_json::json;
use uuid::Uuid;

use super::events::{self, Event};
use super::policy;
use super::sla::SlaState;
use crate::db::begin_write;
use crate::domain::customer::ops::locked_customer;
use crate::domain::customer::ownership::check_assignee;
use crate::domain::interaction::check_not_future;
use crate::domain::page::keyset;
use crate::dto::complaint::{Complaint, ComplaintCreate, ComplaintListQuery, ComplaintSort};
use crate::dto::page::{Page, PageQuery};
use crate::model::complaint::{
    ComplaintCategory, ComplaintEventKind, ComplaintKind, ComplaintStatus, Severity,
};
use crate::model::customer::Channel;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::Actor;
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

pub(super) fn blank(text: Option<&str>) -> bool {
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
    check_assignee(
        &tx,
        actor,
        assignee,
        customer.owner_id,
        "complaints",
        &mut errors,
    )
    .await?;
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
    #[serde(deserialize_with = "crate::dto::time::deserialize_instant")]
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
