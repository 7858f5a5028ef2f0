//! Complaint operations: receive, read and list, with the helpers every change shares
//! (visibility, locking, the SLA columns, the API shape).

use chrono::{DateTime, Utc};
use entity::complaints;
use sea_orm::{DatabaseConnection, Set};
use serde_json::json;
use uuid::Uuid;

use super::events::{self, Event};
use super::policy;
use super::row::{blank, instant, set_sla, to_dto, visible};
use super::sla::SlaState;
use crate::db::begin_write;
use crate::domain::customer::guard::parent_for_new;
use crate::domain::customer::records;
use crate::domain::interaction::record::check_not_future;
use crate::domain::page::keyset;
use crate::dto::complaint::{Complaint, ComplaintCreate, ComplaintListQuery};
use crate::dto::page::{Page, PageQuery};
use crate::model::complaint::{
    ComplaintCategory, ComplaintEventKind, ComplaintKind, ComplaintStatus, Severity,
};
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::event::EventType;
use crate::model::role::Actor;
use crate::model::sort::ComplaintSort;
use crate::store;
use crate::store::complaints::ComplaintFilter;

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
        errors.push(FieldError::new(
            "subject",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let received_at = instant(input.received_at.unwrap_or(now));
    if let Err(e) = check_not_future("received_at", received_at, now) {
        errors.push(e);
    }
    let tx = begin_write(db).await?;
    let (customer, assignee) = parent_for_new(
        &tx,
        actor,
        input.customer_id,
        input.assignee_id,
        "complaints",
        errors,
    )
    .await?;
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
    let created = Event::new(ComplaintEventKind::Created, Some(actor.recorded()))
        .details(json!({"severity": severity, "assignee_id": assignee}));
    events::append(&tx, id, vec![created], now).await?;
    records::refresh_derived(&tx, customer.id).await?;
    let by = Some(actor.recorded());
    super::row::announce(&tx, by, &[EventType::ComplaintReceived], id, now).await?;
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
                FieldCode::Conflict,
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
    let rows =
        store::complaints::list(db, actor.customer_scope(), &filter, sort, after, page.limit)
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
