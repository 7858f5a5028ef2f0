//! A complaint's history: every change appended as an event, never changed or removed, and
//! read oldest first.

use chrono::{DateTime, Utc};
use entity::complaint_events;
use sea_orm::{DatabaseConnection, Set};
use serde_json::Value;
use uuid::Uuid;

use crate::domain::page::{TimeCursor, keyset};
use crate::dto::complaint::ComplaintEvent;
use crate::dto::page::{Page, PageQuery};
use crate::model::complaint::{ComplaintEventKind, ComplaintStatus};
use crate::model::error::DomainResult;
use crate::model::role::{Actor, ActorRef, ActorType};
use crate::store;

/// An event about to be appended.
pub struct Event {
    pub kind: ComplaintEventKind,
    /// None for the system (the escalation pass).
    pub actor: Option<ActorRef>,
    pub from: Option<ComplaintStatus>,
    pub to: Option<ComplaintStatus>,
    pub note: Option<String>,
    pub details: Option<Value>,
}

impl Event {
    pub fn new(kind: ComplaintEventKind, actor: Option<ActorRef>) -> Self {
        Self {
            kind,
            actor,
            from: None,
            to: None,
            note: None,
            details: None,
        }
    }

    pub fn moved(mut self, from: ComplaintStatus, to: ComplaintStatus) -> Self {
        self.from = Some(from);
        self.to = Some(to);
        self
    }

    pub fn note(mut self, note: Option<String>) -> Self {
        self.note = note;
        self
    }

    pub fn details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    pub fn row(self, complaint_id: Uuid, at: DateTime<Utc>) -> complaint_events::ActiveModel {
        complaint_events::ActiveModel {
            id: Set(Uuid::now_v7()),
            complaint_id: Set(complaint_id),
            kind: Set(self.kind.as_str().into()),
            actor_id: Set(self.actor.map(|a| a.id)),
            actor_type: Set(self
                .actor
                .map_or(ActorType::System, |a| a.kind)
                .as_str()
                .into()),
            at: Set(at),
            from_status: Set(self.from.map(|s| s.as_str().to_string())),
            to_status: Set(self.to.map(|s| s.as_str().to_string())),
            note: Set(self.note),
            details: Set(self.details),
        }
    }
}

/// Appends `events` to the complaint's history, in order.
pub async fn append<C: sea_orm::ConnectionTrait>(
    db: &C,
    complaint_id: Uuid,
    events: Vec<Event>,
    at: DateTime<Utc>,
) -> DomainResult<()> {
    let rows = events
        .into_iter()
        .map(|e| e.row(complaint_id, at))
        .collect();
    Ok(store::complaints::insert_events(db, rows).await?)
}

/// Appends one event and answers it as the API shows it.
pub async fn append_one<C: sea_orm::ConnectionTrait>(
    db: &C,
    complaint_id: Uuid,
    event: Event,
    at: DateTime<Utc>,
) -> DomainResult<ComplaintEvent> {
    to_dto(store::complaints::insert_event(db, event.row(complaint_id, at)).await?)
}

fn to_dto(m: complaint_events::Model) -> DomainResult<ComplaintEvent> {
    let status = |s: Option<String>| s.map(|s| ComplaintStatus::from_stored(&s)).transpose();
    Ok(ComplaintEvent {
        id: m.id,
        complaint_id: m.complaint_id,
        kind: ComplaintEventKind::from_stored(&m.kind)?,
        actor_id: m.actor_id,
        actor_type: ActorType::from_stored(&m.actor_type)?,
        at: m.at,
        from_status: status(m.from_status)?,
        to_status: status(m.to_status)?,
        note: m.note,
        details: m.details,
    })
}

/// `GET /complaints/{id}/events`: the history of a complaint the actor can see.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id = %id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    page: PageQuery,
) -> DomainResult<Page<ComplaintEvent>> {
    super::row::visible(db, actor, id).await?;
    let page = page.request::<TimeCursor>()?;
    let rows =
        store::complaints::events(db, id, page.after.map(TimeCursor::bound), page.limit).await?;
    keyset(rows, |e| TimeCursor { at: e.at, id: e.id }).try_map(to_dto)
}
