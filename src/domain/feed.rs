//! The event feed (lower tier): every change an integration would want to know of appends an
//! event in the transaction of the change, so an event exists exactly when its change does.
//! Readers walk the feed from the last event they saw (see `store::feed` for why that misses
//! nothing on PostgreSQL, where transactions commit in any order).

use chrono::{DateTime, Duration, Utc};
use entity::events;
use sea_orm::{ConnectionTrait, DatabaseConnection, Set};
use serde::Serialize;
use uuid::Uuid;

use crate::dto::event::{Event, EventActor, EventPage, EventQuery};
use crate::dto::page::MAX_LIMIT;
use crate::model::error::{DomainError, DomainResult, FieldCode};
use crate::model::event::EventType;
use crate::model::role::{Actor, ActorRef, ActorType};
use crate::store;

/// One change, about to be appended.
pub struct Change<'a, T: Serialize> {
    pub kind: EventType,
    pub subject_id: Uuid,
    pub customer_id: Uuid,
    /// The record as the API shows it.
    pub data: &'a T,
}

/// Appends `change`, made by `actor` (the system when none), in the caller's transaction.
pub async fn emit<C: ConnectionTrait, T: Serialize>(
    db: &C,
    actor: Option<ActorRef>,
    change: Change<'_, T>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    Ok(store::feed::insert(db, row(actor, change, now)?).await?)
}

/// Appends many changes at once (an import's new customers), in order.
pub async fn emit_all<C: ConnectionTrait, T: Serialize>(
    db: &C,
    actor: Option<ActorRef>,
    changes: Vec<Change<'_, T>>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let rows = changes
        .into_iter()
        .map(|c| row(actor, c, now))
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(store::feed::insert_all(db, rows).await?)
}

fn row<T: Serialize>(
    actor: Option<ActorRef>,
    change: Change<'_, T>,
    now: DateTime<Utc>,
) -> DomainResult<events::ActiveModel> {
    let data = serde_json::to_value(change.data).map_err(DomainError::internal)?;
    Ok(events::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(change.kind.as_str().into()),
        occurred_at: Set(now),
        actor_type: Set(actor.map_or(ActorType::System, |a| a.kind).as_str().into()),
        actor_id: Set(actor.map(|a| a.id)),
        subject_id: Set(change.subject_id),
        customer_id: Set(change.customer_id),
        data: Set(data),
        // `seq` and `tx` are the database's to fill in.
        ..Default::default()
    })
}

/// The events after `q.after` that the caller may see, oldest first.
pub async fn read(
    db: &DatabaseConnection,
    actor: &Actor,
    q: EventQuery,
) -> DomainResult<EventPage> {
    let limit = match q.limit {
        None => 50,
        Some(n) if (1..=MAX_LIMIT as i64).contains(&n) => n as u64,
        Some(_) => {
            return Err(DomainError::invalid(
                "limit",
                FieldCode::OutOfRange,
                format!("must be between 1 and {MAX_LIMIT}"),
            ));
        }
    };
    let after = match q.after {
        None => None,
        Some(id) => Some(store::feed::position_of(db, id).await?.ok_or_else(|| {
            DomainError::invalid(
                "after",
                FieldCode::NotFound,
                "no event with this id: it is not one of the feed's, or it has passed the retention period",
            )
        })?),
    };
    let rows = store::feed::read(
        db,
        store::feed::FeedQuery {
            after,
            kind: q.kind.map(EventType::as_str),
            customer_id: q.customer_id,
            scope: actor.customer_scope(),
            limit,
        },
    )
    .await?;
    let items = rows
        .into_iter()
        .map(to_dto)
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(EventPage {
        next_cursor: items.last().map(|e| e.id).or(q.after),
        items,
    })
}

pub fn to_dto(m: events::Model) -> DomainResult<Event> {
    Ok(Event {
        id: m.id,
        kind: EventType::from_stored(&m.kind)?,
        occurred_at: m.occurred_at,
        actor: EventActor {
            kind: ActorType::from_stored(&m.actor_type)?,
            id: m.actor_id,
        },
        subject_id: m.subject_id,
        customer_id: m.customer_id,
        data: m.data,
    })
}

/// Forgets events older than `retention` at `now`, a batch at a time; returns how many.
pub async fn forget_expired(
    db: &DatabaseConnection,
    retention: Duration,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    Ok(store::feed::forget_before(db, now - retention, 10_000).await?)
}
