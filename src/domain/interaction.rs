//! Interactions: every contact with a customer. Logging, changing or deleting one keeps the
//! customer's contact times right in the same transaction.

use chrono::{DateTime, Duration, Utc};
use entity::interactions;
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::page::{TimeCursor, keyset};
use crate::domain::touchpoint;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::interaction::{
    Interaction, InteractionCreate, InteractionListQuery, InteractionPatch,
};
use crate::dto::page::{Page, PageQuery};
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::{Actor, CustomerScope, Role};
use crate::store;
use crate::store::interactions::InteractionFilter;

/// Clocks differ a little between clients and servers; this much "future" is tolerated.
const CLOCK_SKEW: Duration = Duration::minutes(2);

pub fn check_not_future(
    field: &str,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), FieldError> {
    if at > now + CLOCK_SKEW {
        Err(FieldError::new(field, "must not be in the future"))
    } else {
        Ok(())
    }
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: InteractionCreate,
    now: DateTime<Utc>,
) -> DomainResult<Interaction> {
    let tx = begin_write(db).await?;
    let row = create_in(&tx, actor, input, now).await?;
    tx.commit().await?;
    row.try_into()
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
    if store::customers::lock_visible(tx, input.customer_id, actor.customer_scope())
        .await?
        .is_none()
    {
        errors.push(FieldError::new("customer_id", "no such customer"));
    }
    if !store::users::find(tx, user_id)
        .await?
        .is_some_and(|u| u.active)
    {
        errors.push(FieldError::new("user_id", "must be an active user"));
    }
    let touchpoint = match input.touchpoint_id {
        Some(id) => {
            let open = touchpoint::open_of_customer(tx, actor, id, input.customer_id).await?;
            if open.is_none() {
                errors.push(FieldError::new(
                    "touchpoint_id",
                    "must name an open touchpoint of this customer",
                ));
            }
            open
        }
        None => None,
    };
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
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
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        },
    )
    .await?;
    store::interactions::refresh_contact_times(tx, input.customer_id).await?;
    if let Some(open) = touchpoint {
        touchpoint::mark_done(tx, &open, row.id, occurred_at, now).await?;
    }
    Ok(row)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, interaction.id = %id))]
pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> DomainResult<Interaction> {
    store::interactions::find_visible(db, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("interaction"))?
        .try_into()
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, interaction.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: InteractionPatch,
    now: DateTime<Utc>,
) -> DomainResult<Interaction> {
    let tx = begin_write(db).await?;
    let current = store::interactions::find_visible(&tx, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("interaction"))?;
    store::customers::lock_visible(&tx, current.customer_id, CustomerScope::All).await?;
    actor.ensure_can_write()?;
    if let Some(at) = patch.occurred_at {
        check_not_future("occurred_at", at, now).map_err(|e| DomainError::Validation(vec![e]))?;
    }
    precondition.check(current.version)?;
    let row = interactions::ActiveModel {
        channel: patch
            .channel
            .map(|c| Set(c.as_str().to_string()))
            .unwrap_or_default(),
        direction: patch
            .direction
            .map(|d| Set(d.as_str().to_string()))
            .unwrap_or_default(),
        occurred_at: patch.occurred_at.map(Set).unwrap_or_default(),
        subject: patch.subject.map(Set).unwrap_or_default(),
        summary: patch.summary.map(Set).unwrap_or_default(),
        outcome: patch
            .outcome
            .map(|o| Set(o.map(|o| o.as_str().to_string())))
            .unwrap_or_default(),
        satisfaction: patch
            .satisfaction
            .map(|s| Set(s.map(|r| i32::from(r.0))))
            .unwrap_or_default(),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::interactions::update_if_version(&tx, id, current.version, row).await?,
        "interaction",
    )?;
    store::interactions::refresh_contact_times(&tx, current.customer_id).await?;
    let updated = store::interactions::find_visible(&tx, id, CustomerScope::All)
        .await?
        .ok_or_else(|| DomainError::not_found("interaction"))?;
    tx.commit().await?;
    updated.try_into()
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, interaction.id = %id))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
) -> DomainResult<()> {
    let tx = begin_write(db).await?;
    let current = store::interactions::find_visible(&tx, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("interaction"))?;
    store::customers::lock_visible(&tx, current.customer_id, CustomerScope::All).await?;
    actor.ensure_can_write()?;
    precondition.check(current.version)?;
    store::interactions::delete(&tx, id).await?;
    store::interactions::refresh_contact_times(&tx, current.customer_id).await?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: InteractionListQuery,
    page: PageQuery,
) -> DomainResult<Page<Interaction>> {
    let page = page.request::<TimeCursor>()?;
    let filter = InteractionFilter {
        customer_id: q.customer_id,
        user_id: q.user_id,
        channel: q.channel.map(|c| c.as_str()),
        from: q.from,
        to: q.to,
    };
    let rows = store::interactions::list(
        db,
        actor.customer_scope(),
        &filter,
        page.after.map(TimeCursor::bound),
        false,
        page.limit,
    )
    .await?;
    keyset(rows, |r| TimeCursor {
        at: r.occurred_at,
        id: r.id,
    })
    .try_map(Interaction::try_from)
}
