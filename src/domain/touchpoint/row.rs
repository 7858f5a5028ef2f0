//! A touchpoint as rows and as shown: the lower tier every writer of touchpoints shares.

use chrono::{DateTime, Utc};
use entity::touchpoints;
use sea_orm::{DatabaseTransaction, Set};
use uuid::Uuid;

use crate::domain::feed::{self, Change};
use crate::dto::touchpoint::Touchpoint;
use crate::model::cadence::Purpose;
use crate::model::customer::Channel;
use crate::model::error::{DomainError, DomainResult};
use crate::model::event::EventType;
use crate::model::role::Actor;
use crate::model::role::ActorRef;
use crate::model::touchpoint::{Source, Status};
use crate::store;

/// The touchpoint as the API shows it at `now`.
pub fn to_dto(m: touchpoints::Model, now: DateTime<Utc>) -> DomainResult<Touchpoint> {
    let status = Status::from_stored(&m.status)?;
    Ok(Touchpoint {
        id: m.id,
        customer_id: m.customer_id,
        assignee_id: m.assignee_id,
        due_at: m.due_at,
        channel: Channel::from_stored(&m.channel)?,
        purpose: Purpose::from_stored(&m.purpose)?,
        title: m.title,
        notes: m.notes,
        overdue: status == Status::Scheduled && m.due_at < now,
        status,
        source: Source::from_stored(&m.source)?,
        playbook_id: m.playbook_id,
        completed_at: m.completed_at,
        interaction_id: m.interaction_id,
        skip_reason: m.skip_reason,
        complaint_id: m.complaint_id,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
        customer: None,
        assignee: None,
    })
}

/// A touchpoint about to be scheduled, whatever made it.
pub struct NewTouchpoint {
    pub customer_id: Uuid,
    pub assignee_id: Uuid,
    pub due_at: DateTime<Utc>,
    pub channel: Channel,
    pub purpose: Purpose,
    pub title: String,
    pub notes: Option<String>,
    pub source: Source,
}

impl NewTouchpoint {
    /// The open row; generated touchpoints then set their playbook, occurrence key and series.
    pub fn row(self, now: DateTime<Utc>) -> touchpoints::ActiveModel {
        touchpoints::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(self.customer_id),
            assignee_id: Set(self.assignee_id),
            due_at: Set(self.due_at),
            channel: Set(self.channel.as_str().into()),
            purpose: Set(self.purpose.as_str().into()),
            title: Set(self.title),
            notes: Set(self.notes),
            status: Set(Status::Scheduled.as_str().into()),
            source: Set(self.source.as_str().into()),
            playbook_id: Set(None),
            occurrence_key: Set(None),
            series_anchor_at: Set(None),
            completed_at: Set(None),
            interaction_id: Set(None),
            skip_reason: Set(None),
            complaint_id: Set(None),
            overdue_noted: Set(false),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }
}

/// The touchpoint, when the actor can see its customer.
pub async fn visible<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<touchpoints::Model> {
    store::versioned::find_visible::<entity::touchpoints::Entity, _>(db, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("touchpoint"))
}

/// For an interaction naming `id`: the touchpoint, when it is open and belongs to `customer`
/// (and is visible to the actor). The customer is already locked by the caller.
pub async fn open_of_customer(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
    customer: Uuid,
) -> DomainResult<Option<touchpoints::Model>> {
    let found = store::versioned::find_visible::<entity::touchpoints::Entity, _>(
        tx,
        id,
        actor.customer_scope(),
    )
    .await?;
    Ok(match found {
        Some(t) if t.customer_id == customer && t.status == Status::Scheduled.as_str() => Some(t),
        _ => None,
    })
}

/// Appends each touchpoint of `ids` to the feed with the event its status now is: scheduled,
/// completed, skipped or cancelled. Called right after the rows were written.
pub async fn announce<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: Option<ActorRef>,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> DomainResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut shown = Vec::with_capacity(ids.len());
    for row in store::touchpoints::by_ids(db, ids).await? {
        let kind = match Status::from_stored(&row.status)? {
            Status::Scheduled => EventType::TouchpointScheduled,
            Status::Done => EventType::TouchpointCompleted,
            Status::Skipped => EventType::TouchpointSkipped,
            Status::Cancelled => EventType::TouchpointCancelled,
        };
        shown.push((kind, to_dto(row, now)?));
    }
    let changes = shown
        .iter()
        .map(|(kind, t)| Change {
            kind: *kind,
            subject_id: t.id,
            customer_id: t.customer_id,
            data: t,
        })
        .collect();
    feed::emit_all(db, actor, changes, now).await
}

/// The id a new row was given.
pub fn id_of(row: &touchpoints::ActiveModel) -> Option<Uuid> {
    match &row.id {
        sea_orm::ActiveValue::Set(id) | sea_orm::ActiveValue::Unchanged(id) => Some(*id),
        sea_orm::ActiveValue::NotSet => None,
    }
}

/// How many overdue touchpoints one transaction of the pass announces.
const OVERDUE_BATCH: u64 = 500;

/// Announces every touchpoint that has become overdue by `now` and was not announced yet
/// (`touchpoint.overdue`, once each, by the system), a batch per transaction; returns how
/// many. Found by an index on (status, announced, due time): the pass costs what is due.
pub async fn announce_overdue(
    db: &sea_orm::DatabaseConnection,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let mut total = 0;
    loop {
        let tx = crate::db::begin_write(db).await?;
        let claimed = store::touchpoints::claim_overdue(&tx, now, OVERDUE_BATCH).await?;
        let n = claimed.len() as u64;
        let shown = claimed
            .into_iter()
            .map(|row| to_dto(row, now))
            .collect::<DomainResult<Vec<_>>>()?;
        let changes = shown
            .iter()
            .map(|t| Change {
                kind: EventType::TouchpointOverdue,
                subject_id: t.id,
                customer_id: t.customer_id,
                data: t,
            })
            .collect();
        feed::emit_all(&tx, None, changes, now).await?;
        tx.commit().await?;
        total += n;
        if n < OVERDUE_BATCH {
            return Ok(total);
        }
    }
}
