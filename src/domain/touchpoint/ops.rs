//! The touchpoint use cases: create, read, list, change, skip, cancel and complete.

use chrono::{DateTime, Utc};
use entity::touchpoints;
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use uuid::Uuid;

use super::row::announce;
use super::row::{NewTouchpoint, to_dto, visible};
use crate::db::begin_write;
use crate::domain::customer::guard::for_change;
use crate::domain::customer::guard::{check_assignee, parent_for_new};
use crate::domain::customer::records;
use crate::domain::interaction::record as interaction;
use crate::domain::page::{TimeCursor, keyset};
use crate::domain::schedule;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::interaction::InteractionCreate;
use crate::dto::page::{Page, PageQuery};
use crate::dto::touchpoint::{
    Touchpoint, TouchpointComplete, TouchpointCreate, TouchpointListQuery, TouchpointPatch,
    TouchpointSkip,
};
use crate::model::cadence::Purpose;
use crate::model::customer::Channel;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::interaction::Direction;
use crate::model::role::Actor;
use crate::model::touchpoint::{Source, Status};
use crate::store;
use crate::store::touchpoints::TouchpointFilter;

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: TouchpointCreate,
    now: DateTime<Utc>,
) -> DomainResult<Touchpoint> {
    actor.ensure_can_write()?;
    let mut errors = Vec::new();
    if input.title.trim().is_empty() {
        errors.push(FieldError::new(
            "title",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let tx = begin_write(db).await?;
    let (customer, assignee) = parent_for_new(
        &tx,
        actor,
        input.customer_id,
        input.assignee_id,
        "touchpoints",
        errors,
    )
    .await?;
    let row = store::touchpoints::insert(
        &tx,
        NewTouchpoint {
            customer_id: customer.id,
            assignee_id: assignee,
            due_at: input.due_at,
            channel: input.channel,
            purpose: input.purpose.unwrap_or(Purpose::Custom),
            title: input.title.trim().to_string(),
            notes: input.notes,
            source: Source::Manual,
        }
        .row(now),
    )
    .await?;
    records::refresh_derived(&tx, customer.id).await?;
    announce(&tx, Some(actor.recorded()), &[row.id], now).await?;
    tx.commit().await?;
    to_dto(row, now)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, touchpoint.id = %id))]
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Touchpoint> {
    to_dto(visible(db, actor, id).await?, now)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: TouchpointListQuery,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<Touchpoint>> {
    let page = page.request::<TimeCursor>()?;
    let filter = TouchpointFilter {
        assignee_id: q.assignee_id,
        customer_id: q.customer_id,
        status: q.status.map(Status::as_str),
        purpose: q.purpose.map(Purpose::as_str),
        due_before: q.due_before,
        due_after: q.due_after,
        overdue: q.overdue.map(|o| (o, now)),
    };
    let rows = store::touchpoints::list(
        db,
        actor.customer_scope(),
        &filter,
        page.after.map(TimeCursor::bound),
        page.limit,
    )
    .await?;
    keyset(rows, |t| TimeCursor {
        at: t.due_at,
        id: t.id,
    })
    .try_map(|t| to_dto(t, now))
}

/// The touchpoint, visible and still open, with its customer locked for the change.
async fn open_for_change(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<(entity::customers::Model, touchpoints::Model)> {
    let (customer, current) =
        for_change::<touchpoints::Entity>(tx, actor, id, "touchpoint").await?;
    // Under the lock: a concurrent completion may have closed it meanwhile.
    if Status::from_stored(&current.status)? != Status::Scheduled {
        return Err(DomainError::conflict(format!(
            "the touchpoint is {} already",
            current.status
        )));
    }
    Ok((customer, current))
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, touchpoint.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: TouchpointPatch,
    now: DateTime<Utc>,
) -> DomainResult<Touchpoint> {
    let tx = begin_write(db).await?;
    let (customer, current) = open_for_change(&tx, actor, id).await?;
    let mut errors = Vec::new();
    if patch.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        errors.push(FieldError::new(
            "title",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    if let Some(assignee) = patch.assignee_id
        && assignee != current.assignee_id
    {
        check_assignee(
            &tx,
            actor,
            assignee,
            customer.owner_id,
            "touchpoints",
            &mut errors,
        )
        .await?;
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    precondition.check(current.version)?;
    let row = touchpoints::ActiveModel {
        // A new due time may become overdue again, and is announced again then.
        overdue_noted: patch.due_at.map(|_| Set(false)).unwrap_or_default(),
        due_at: patch.due_at.map(Set).unwrap_or_default(),
        assignee_id: patch.assignee_id.map(Set).unwrap_or_default(),
        channel: patch
            .channel
            .map(|c| Set(c.as_str().to_string()))
            .unwrap_or_default(),
        title: patch
            .title
            .map(|t| Set(t.trim().to_string()))
            .unwrap_or_default(),
        notes: patch.notes.map(Set).unwrap_or_default(),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::versioned::update_if_version(&tx, id, current.version, row).await?,
        "touchpoint",
    )?;
    records::refresh_derived(&tx, current.customer_id).await?;
    let updated = visible(&tx, actor, id).await?;
    tx.commit().await?;
    to_dto(updated, now)
}

/// Closes an open touchpoint as skipped or cancelled.
async fn close(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    status: Status,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<Touchpoint> {
    let tx = begin_write(db).await?;
    let (_, current) = open_for_change(&tx, actor, id).await?;
    let row = touchpoints::ActiveModel {
        status: Set(status.as_str().into()),
        skip_reason: Set(reason),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::versioned::update_if_version(&tx, id, current.version, row).await?,
        "touchpoint",
    )?;
    records::refresh_derived(&tx, current.customer_id).await?;
    announce(&tx, Some(actor.recorded()), &[id], now).await?;
    // A skipped occurrence of a series is followed by the next; a cancelled one ends it.
    if status == Status::Skipped {
        schedule::after_closed(&tx, &current, now).await?;
    }
    let updated = visible(&tx, actor, id).await?;
    tx.commit().await?;
    to_dto(updated, now)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, touchpoint.id = %id))]
pub async fn skip(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: TouchpointSkip,
    now: DateTime<Utc>,
) -> DomainResult<Touchpoint> {
    if input.reason.trim().is_empty() {
        return Err(DomainError::invalid(
            "reason",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    close(
        db,
        actor,
        id,
        Status::Skipped,
        Some(input.reason.trim().into()),
        now,
    )
    .await
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, touchpoint.id = %id))]
pub async fn cancel(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Touchpoint> {
    close(db, actor, id, Status::Cancelled, None, now).await
}

/// Logs the interaction that fulfils the touchpoint and closes it, in one transaction.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, touchpoint.id = %id))]
pub async fn complete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: TouchpointComplete,
    now: DateTime<Utc>,
) -> DomainResult<Touchpoint> {
    let tx = begin_write(db).await?;
    let (_, current) = open_for_change(&tx, actor, id).await?;
    let interaction = InteractionCreate {
        customer_id: current.customer_id,
        user_id: None,
        channel: match input.channel {
            Some(c) => c,
            None => Channel::from_stored(&current.channel)?,
        },
        direction: input.direction.unwrap_or(Direction::Outbound),
        occurred_at: input.occurred_at,
        subject: Some(input.subject.unwrap_or_else(|| current.title.clone())),
        summary: input.summary,
        outcome: input.outcome,
        satisfaction: input.satisfaction,
        touchpoint_id: Some(id),
    };
    interaction::create_in(&tx, actor, interaction, now).await?;
    let updated = visible(&tx, actor, id).await?;
    tx.commit().await?;
    to_dto(updated, now)
}
