//! A touchpoint as rows and as shown: the lower tier every writer of touchpoints shares.

use chrono::{DateTime, Utc};
use entity::touchpoints;
use sea_orm::{DatabaseTransaction, Set};
use uuid::Uuid;

use crate::dto::touchpoint::Touchpoint;
use crate::model::cadence::Purpose;
use crate::model::customer::Channel;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
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
