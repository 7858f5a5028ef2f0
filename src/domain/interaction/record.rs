//! Logging an interaction inside the caller's transaction, and the rule on when it happened.

use chrono::{DateTime, Duration, Utc};
use entity::interactions;
use sea_orm::{DatabaseTransaction, Set};
use uuid::Uuid;

use crate::domain::consent;
use crate::domain::customer::records;
use crate::domain::feed::{self, Change};
use crate::domain::touchpoint::{closing, row};
use crate::dto::interaction::Interaction;
use crate::dto::interaction::InteractionCreate;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::event::EventType;
use crate::model::interaction::Direction;
use crate::model::role::{Actor, Role};
use crate::store;

/// Clocks differ a little between clients and servers; this much "future" is tolerated.
const CLOCK_SKEW: Duration = Duration::minutes(2);

pub fn check_not_future(
    field: &str,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), FieldError> {
    if at > now + CLOCK_SKEW {
        Err(FieldError::new(
            field,
            FieldCode::InFuture,
            "must not be in the future",
        ))
    } else {
        Ok(())
    }
}

/// Logs an interaction inside the caller's transaction. Naming a touchpoint completes it:
/// it must be an open touchpoint of the same customer, visible to the actor.
pub async fn create_in(
    tx: &DatabaseTransaction,
    actor: &Actor,
    input: InteractionCreate,
    now: DateTime<Utc>,
) -> DomainResult<interactions::Model> {
    actor.ensure_can_write()?;
    let user_id = input.user_id.unwrap_or(actor.id);
    if actor.role == Role::Agent && user_id != actor.id {
        return Err(DomainError::Forbidden(
            "agents log only their own interactions".into(),
        ));
    }
    let occurred_at = input.occurred_at.unwrap_or(now);
    let mut errors = Vec::new();
    if let Err(e) = check_not_future("occurred_at", occurred_at, now) {
        errors.push(e);
    }
    // Locked: the contact times are recomputed from the customer's interactions.
    let customer =
        store::customers::lock_visible(tx, input.customer_id, actor.customer_scope()).await?;
    if customer.is_none() {
        errors.push(FieldError::new(
            "customer_id",
            FieldCode::NotFound,
            "no such customer",
        ));
    }
    if !store::users::find(tx, user_id)
        .await?
        .is_some_and(|u| u.active)
    {
        errors.push(FieldError::new(
            "user_id",
            FieldCode::NotAllowed,
            "must be an active user",
        ));
    }
    let touchpoint = match input.touchpoint_id {
        Some(id) => {
            let open = row::open_of_customer(tx, actor, id, input.customer_id).await?;
            if open.is_none() {
                errors.push(FieldError::new(
                    "touchpoint_id",
                    FieldCode::NotAllowed,
                    "must name an open touchpoint of this customer",
                ));
            }
            open
        }
        None => None,
    };
    let Some(customer) = customer.filter(|_| errors.is_empty()) else {
        return Err(DomainError::Validation(errors));
    };
    let without_consent = input.direction == Direction::Outbound
        && consent::against_consent(&customer, input.channel)?;
    let row = store::interactions::insert(
        tx,
        interactions::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(input.customer_id),
            user_id: Set(user_id),
            channel: Set(input.channel.as_str().into()),
            direction: Set(input.direction.as_str().into()),
            occurred_at: Set(occurred_at),
            subject: Set(input.subject),
            summary: Set(input.summary),
            outcome: Set(input.outcome.map(|o| o.as_str().to_string())),
            satisfaction: Set(input.satisfaction.map(|r| i32::from(r.0))),
            touchpoint_id: Set(input.touchpoint_id),
            without_consent: Set(without_consent),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        },
    )
    .await?;
    records::refresh_derived(tx, input.customer_id).await?;
    let by = Some(actor.recorded());
    let shown = Interaction::try_from(row.clone())?;
    let change = Change {
        kind: EventType::InteractionLogged,
        subject_id: shown.id,
        customer_id: shown.customer_id,
        data: &shown,
    };
    feed::emit(tx, by, change, now).await?;
    if let Some(open) = touchpoint {
        closing::mark_done(tx, by, &open, row.id, occurred_at, now).await?;
    }
    Ok(row)
}
