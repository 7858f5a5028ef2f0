//! The interaction use cases: log, read, change, delete and list.

use chrono::{DateTime, Utc};
use entity::interactions;
use sea_orm::{DatabaseConnection, Set};
use uuid::Uuid;

use super::record::{check_not_future, create_in};
use crate::db::begin_write;
use crate::domain::consent;
use crate::domain::customer::guard::for_change;
use crate::domain::customer::records;
use crate::domain::page::{TimeCursor, keyset};
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::interaction::{
    Interaction, InteractionCreate, InteractionListQuery, InteractionPatch,
};
use crate::dto::page::{Page, PageQuery};
use crate::model::customer::Channel;
use crate::model::error::{DomainError, DomainResult};
use crate::model::interaction::Direction;
use crate::model::role::{Actor, CustomerScope};
use crate::store;
use crate::store::interactions::InteractionFilter;

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

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, interaction.id = %id))]
pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> DomainResult<Interaction> {
    store::versioned::find_visible::<entity::interactions::Entity, _>(
        db,
        id,
        actor.customer_scope(),
    )
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
    let (customer, current) =
        for_change::<interactions::Entity>(&tx, actor, id, "interaction").await?;
    if let Some(at) = patch.occurred_at {
        check_not_future("occurred_at", at, now).map_err(|e| DomainError::Validation(vec![e]))?;
    }
    precondition.check(current.version)?;
    // A changed channel or direction is judged against the customer's consent as it is now.
    let without_consent = if patch.channel.is_some() || patch.direction.is_some() {
        let channel = match patch.channel {
            Some(c) => c,
            None => Channel::from_stored(&current.channel)?,
        };
        let outbound = match patch.direction {
            Some(d) => d == Direction::Outbound,
            None => current.direction == Direction::Outbound.as_str(),
        };
        Set(outbound && consent::against_consent(&customer, channel)?)
    } else {
        Default::default()
    };
    let row = interactions::ActiveModel {
        without_consent,
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
        store::versioned::update_if_version(&tx, id, current.version, row).await?,
        "interaction",
    )?;
    records::refresh_derived(&tx, current.customer_id).await?;
    let updated = store::versioned::find_visible::<entity::interactions::Entity, _>(
        &tx,
        id,
        CustomerScope::All,
    )
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
    let (_, current) = for_change::<interactions::Entity>(&tx, actor, id, "interaction").await?;
    precondition.check(current.version)?;
    store::interactions::delete(&tx, id).await?;
    records::refresh_derived(&tx, current.customer_id).await?;
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
