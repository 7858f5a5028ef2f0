//! Customer events (lower tier): the customer as the API shows it, appended to the feed once
//! per kind of change, in the caller's transaction.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::domain::feed::{self, Change};
use crate::dto::customer::Customer;
use crate::model::error::{DomainError, DomainResult};
use crate::model::event::EventType;
use crate::model::role::ActorRef;
use crate::store;

/// The customer as a read would answer it at `now` (deleted ones included).
pub async fn shown<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Customer> {
    let model = store::customers::find_any(db, id)
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))?;
    one(super::listing::shown(db, vec![model], now).await?)
}

/// The one customer of a list of one.
pub fn one(mut shown: Vec<Customer>) -> DomainResult<Customer> {
    shown
        .pop()
        .ok_or_else(|| DomainError::not_found("customer"))
}

/// Appends one event of each of `kinds` about customer `id`, all with its current shape.
pub async fn announce<C: ConnectionTrait>(
    db: &C,
    actor: Option<ActorRef>,
    kinds: &[EventType],
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    if kinds.is_empty() {
        return Ok(());
    }
    let customer = shown(db, id, now).await?;
    announce_shown(db, actor, kinds, &customer, now).await
}

/// As `announce`, for a customer already read.
pub async fn announce_shown<C: ConnectionTrait>(
    db: &C,
    actor: Option<ActorRef>,
    kinds: &[EventType],
    customer: &Customer,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    for kind in kinds {
        let change = Change {
            kind: *kind,
            subject_id: customer.id,
            customer_id: customer.id,
            data: customer,
        };
        feed::emit(db, actor, change, now).await?;
    }
    Ok(())
}
