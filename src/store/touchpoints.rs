//! Touchpoint rows, and the customer figures they determine.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use entity::{customers, touchpoints};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::role::CustomerScope;
use crate::model::touchpoint::{Source, Status};

/// The stored word of an open touchpoint.
const SCHEDULED: &str = Status::Scheduled.as_str();

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: touchpoints::ActiveModel,
) -> DbResult<touchpoints::Model> {
    row.insert(db).await
}

pub struct TouchpointFilter {
    pub assignee_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub status: Option<&'static str>,
    pub purpose: Option<&'static str>,
    pub due_before: Option<DateTime<Utc>>,
    pub due_after: Option<DateTime<Utc>>,
    /// With the instant "now" it is judged at.
    pub overdue: Option<(bool, DateTime<Utc>)>,
}

/// Soonest first, after `(due_at, id)`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    f: &TouchpointFilter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: u64,
) -> DbResult<Rows<touchpoints::Model>> {
    use touchpoints::Column;
    let mut query = touchpoints::Entity::find().filter(super::scope::records_of(
        touchpoints::Column::CustomerId,
        scope,
    ));
    if let Some(v) = f.assignee_id {
        query = query.filter(Column::AssigneeId.eq(v));
    }
    if let Some(v) = f.customer_id {
        query = query.filter(Column::CustomerId.eq(v));
    }
    if let Some(v) = f.status {
        query = query.filter(Column::Status.eq(v));
    }
    if let Some(v) = f.purpose {
        query = query.filter(Column::Purpose.eq(v));
    }
    if let Some(v) = f.due_before {
        query = query.filter(Column::DueAt.lt(v));
    }
    if let Some(v) = f.due_after {
        query = query.filter(Column::DueAt.gte(v));
    }
    if let Some((overdue, now)) = f.overdue {
        let past_due = Condition::all()
            .add(Column::Status.eq(SCHEDULED))
            .add(Column::DueAt.lt(now));
        query = query.filter(if overdue { past_due } else { past_due.not() });
    }
    if let Some((at, id)) = after {
        query = query.filter(super::page::after(Column::DueAt, Column::Id, at, id));
    }
    let query = query.order_by_asc(Column::DueAt).order_by_asc(Column::Id);
    super::page::fetch(db, query, limit).await
}

/// Which of `keys` name an occurrence that exists already.
pub async fn existing_keys<C: ConnectionTrait>(
    db: &C,
    keys: &[String],
) -> DbResult<HashSet<String>> {
    let mut found = HashSet::new();
    // In chunks, to stay far below either database's limit on bound parameters.
    for chunk in keys.chunks(500) {
        let rows: Vec<Option<String>> = touchpoints::Entity::find()
            .select_only()
            .column(touchpoints::Column::OccurrenceKey)
            .filter(touchpoints::Column::OccurrenceKey.is_in(chunk.iter().cloned()))
            .into_tuple()
            .all(db)
            .await?;
        found.extend(rows.into_iter().flatten());
    }
    Ok(found)
}

/// How many of the customer's touchpoints are overdue at `now`, as an expression on a
/// `customers` row. Overdue depends on the clock, so it is counted when read rather than
/// stored; the count is one range of `idx_touchpoints_customer`.
pub fn overdue_count(now: DateTime<Utc>) -> Expr {
    Expr::SubQuery(
        None,
        Box::new(
            Query::select()
                .expr(Expr::col((touchpoints::Entity, touchpoints::Column::Id)).count())
                .from(touchpoints::Entity)
                .and_where(
                    Expr::col((touchpoints::Entity, touchpoints::Column::CustomerId))
                        .equals((customers::Entity, customers::Column::Id)),
                )
                .and_where(touchpoints::Column::Status.eq(SCHEDULED))
                .and_where(touchpoints::Column::DueAt.lt(now))
                .to_owned()
                .into(),
        ),
    )
}

/// Inserts `rows` in batches; returns how many.
pub async fn insert_all<C: ConnectionTrait>(
    db: &C,
    rows: Vec<touchpoints::ActiveModel>,
) -> DbResult<u64> {
    let total = rows.len() as u64;
    let mut rows = rows.into_iter().peekable();
    // 19 columns a row: 500 rows stay far below either database's bound-parameter limit.
    while rows.peek().is_some() {
        let batch: Vec<_> = rows.by_ref().take(500).collect();
        touchpoints::Entity::insert_many(batch)
            .exec_without_returning(db)
            .await?;
    }
    Ok(total)
}

/// An update of open touchpoints that bumps each one's version: every change to a scheduled
/// touchpoint made here goes through it (a closed one is never changed again).
fn change_open(now: DateTime<Utc>) -> sea_orm::UpdateMany<touchpoints::Entity> {
    touchpoints::Entity::update_many()
        .col_expr(
            touchpoints::Column::Version,
            Expr::col(touchpoints::Column::Version).add(1),
        )
        .col_expr(touchpoints::Column::UpdatedAt, Expr::value(now))
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
}

/// Moves the customer's open touchpoints held by `from` to `to` (a hand-off).
pub async fn reassign_open<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    from: Uuid,
    to: Uuid,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    Ok(change_open(now)
        .col_expr(touchpoints::Column::AssigneeId, Expr::value(to))
        .filter(touchpoints::Column::CustomerId.eq(customer_id))
        .filter(touchpoints::Column::AssigneeId.eq(from))
        .exec(db)
        .await?
        .rows_affected)
}

/// Inserts a generated touchpoint unless its occurrence exists already (the unique
/// `occurrence_key`); true when inserted.
pub async fn insert_generated<C: ConnectionTrait>(
    db: &C,
    row: touchpoints::ActiveModel,
) -> DbResult<bool> {
    Ok(insert_generated_many(db, vec![row]).await? == 1)
}

/// [`insert_generated`] for many rows in one statement; returns how many were new.
pub async fn insert_generated_many<C: ConnectionTrait>(
    db: &C,
    rows: Vec<touchpoints::ActiveModel>,
) -> DbResult<u64> {
    if rows.is_empty() {
        return Ok(0);
    }
    let inserted = touchpoints::Entity::insert_many(rows)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(touchpoints::Column::OccurrenceKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted)
}

/// The open occurrences of a customer's recurring series of `playbook_id`.
pub async fn open_series<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    playbook_id: Uuid,
) -> DbResult<Vec<touchpoints::Model>> {
    touchpoints::Entity::find()
        .filter(touchpoints::Column::CustomerId.eq(customer_id))
        .filter(touchpoints::Column::PlaybookId.eq(playbook_id))
        .filter(touchpoints::Column::SeriesAnchorAt.is_not_null())
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .all(db)
        .await
}

/// The open occurrences of the customers' recurring series of the playbooks.
pub async fn open_series_many<C: ConnectionTrait>(
    db: &C,
    customer_ids: &[Uuid],
    playbook_ids: &[Uuid],
) -> DbResult<Vec<touchpoints::Model>> {
    if customer_ids.is_empty() || playbook_ids.is_empty() {
        return Ok(Vec::new());
    }
    touchpoints::Entity::find()
        .filter(touchpoints::Column::CustomerId.is_in(customer_ids.iter().copied()))
        .filter(touchpoints::Column::PlaybookId.is_in(playbook_ids.iter().copied()))
        .filter(touchpoints::Column::SeriesAnchorAt.is_not_null())
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .all(db)
        .await
}

/// Every open occurrence of a recurring series of the customer, of any playbook.
pub async fn open_series_of<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
) -> DbResult<Vec<touchpoints::Model>> {
    touchpoints::Entity::find()
        .filter(touchpoints::Column::CustomerId.eq(customer_id))
        .filter(touchpoints::Column::PlaybookId.is_not_null())
        .filter(touchpoints::Column::SeriesAnchorAt.is_not_null())
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .order_by_asc(touchpoints::Column::Id)
        .all(db)
        .await
}

/// Sets the status of the given open touchpoints (a series re-anchored or stopped).
pub async fn close_many<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    status: Status,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(change_open(now)
        .col_expr(touchpoints::Column::Status, Expr::value(status.as_str()))
        .col_expr(touchpoints::Column::SkipReason, Expr::value(reason))
        .filter(touchpoints::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?
        .rows_affected)
}

/// The customers' open touchpoints generated by playbooks of `tier` (not personal plans).
pub async fn open_of_tier<C: ConnectionTrait>(
    db: &C,
    customer_ids: &[Uuid],
    tier: &str,
) -> DbResult<Vec<Uuid>> {
    touchpoints::Entity::find()
        .select_only()
        .column(touchpoints::Column::Id)
        .filter(touchpoints::Column::CustomerId.is_in(customer_ids.iter().copied()))
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .filter(
            touchpoints::Column::PlaybookId.in_subquery(
                Query::select()
                    .column(entity::playbooks::Column::Id)
                    .from(entity::playbooks::Entity)
                    .and_where(entity::playbooks::Column::Tier.eq(tier))
                    .and_where(entity::playbooks::Column::CustomerId.is_null())
                    .to_owned(),
            ),
        )
        .into_tuple()
        .all(db)
        .await
}

/// Cancels the open touchpoints `ids` with `reason` and frees their occurrence keys, so the
/// occurrence can be planned again (at another time); returns how many.
pub async fn release_many<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    reason: &str,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(change_open(now)
        .col_expr(
            touchpoints::Column::Status,
            Expr::value(Status::Cancelled.as_str()),
        )
        .col_expr(touchpoints::Column::SkipReason, Expr::value(reason))
        .col_expr(
            touchpoints::Column::OccurrenceKey,
            Expr::value(Option::<String>::None),
        )
        .filter(touchpoints::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?
        .rows_affected)
}

/// The customer's open touchpoints due after `now`, in id order.
pub async fn open_upcoming<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    now: DateTime<Utc>,
) -> DbResult<Vec<touchpoints::Model>> {
    touchpoints::Entity::find()
        .filter(touchpoints::Column::CustomerId.eq(customer_id))
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .filter(touchpoints::Column::DueAt.gt(now))
        .order_by_asc(touchpoints::Column::Id)
        .all(db)
        .await
}

/// Moves the open touchpoint `id` to `due_at`; returns how many moved (0 when it closed).
pub async fn move_due<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    Ok(change_open(now)
        .col_expr(touchpoints::Column::DueAt, Expr::value(due_at))
        .col_expr(touchpoints::Column::OverdueNoted, Expr::value(false))
        .filter(touchpoints::Column::Id.eq(id))
        .exec(db)
        .await?
        .rows_affected)
}

/// Marks the open touchpoints `ids` done at `now` (settled without an interaction of their
/// own); returns how many.
pub async fn complete_many<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(change_open(now)
        .col_expr(
            touchpoints::Column::Status,
            Expr::value(Status::Done.as_str()),
        )
        .col_expr(touchpoints::Column::CompletedAt, Expr::value(now))
        .filter(touchpoints::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?
        .rows_affected)
}

/// The customer's open touchpoints that came from one of `sources`, in id order.
pub async fn open_from<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    sources: &[Source],
) -> DbResult<Vec<Uuid>> {
    touchpoints::Entity::find()
        .select_only()
        .column(touchpoints::Column::Id)
        .filter(touchpoints::Column::CustomerId.eq(customer_id))
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .filter(touchpoints::Column::Source.is_in(sources.iter().map(|s| s.as_str())))
        .order_by_asc(touchpoints::Column::Id)
        .into_tuple()
        .all(db)
        .await
}

/// The customer's open touchpoints on one of `channels` that came from one of `sources`, in
/// id order.
pub async fn open_on<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    sources: &[Source],
    channels: &[&str],
) -> DbResult<Vec<touchpoints::Model>> {
    touchpoints::Entity::find()
        .filter(touchpoints::Column::CustomerId.eq(customer_id))
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .filter(touchpoints::Column::Source.is_in(sources.iter().map(|s| s.as_str())))
        .filter(touchpoints::Column::Channel.is_in(channels.iter().copied()))
        .order_by_asc(touchpoints::Column::Id)
        .all(db)
        .await
}

/// Moves the open touchpoints `ids` to another channel; returns how many.
pub async fn set_channel<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    channel: &str,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(change_open(now)
        .col_expr(touchpoints::Column::Channel, Expr::value(channel))
        .filter(touchpoints::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?
        .rows_affected)
}

/// A customer's touchpoints by due time, newest first (`page::newest_of_customer`).
pub const BY_DUE: super::page::Newest<touchpoints::Entity> = super::page::Newest {
    customer: touchpoints::Column::CustomerId,
    at: touchpoints::Column::DueAt,
    id: touchpoints::Column::Id,
};

/// The open touchpoints that follow up `complaint_id`.
pub async fn open_of_complaint<C: ConnectionTrait>(
    db: &C,
    complaint_id: Uuid,
) -> DbResult<Vec<Uuid>> {
    touchpoints::Entity::find()
        .select_only()
        .column(touchpoints::Column::Id)
        .filter(touchpoints::Column::ComplaintId.eq(complaint_id))
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .into_tuple()
        .all(db)
        .await
}

/// The touchpoints of `ids`, oldest first.
pub async fn by_ids<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> DbResult<Vec<touchpoints::Model>> {
    touchpoints::Entity::find()
        .filter(touchpoints::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(touchpoints::Column::Id)
        .all(db)
        .await
}

/// Claims up to `limit` open touchpoints that became overdue before `now` and were not
/// announced yet, marking them announced; returns the rows this call claimed (a pass running
/// at once on another replica claims others, or none).
pub async fn claim_overdue<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
    limit: u64,
) -> DbResult<Vec<touchpoints::Model>> {
    let due = Query::select()
        .column(touchpoints::Column::Id)
        .from(touchpoints::Entity)
        .and_where(touchpoints::Column::Status.eq(SCHEDULED))
        .and_where(touchpoints::Column::OverdueNoted.eq(false))
        .and_where(touchpoints::Column::DueAt.lt(now))
        .order_by(touchpoints::Column::DueAt, sea_orm::Order::Asc)
        .limit(limit)
        .to_owned();
    touchpoints::Entity::update_many()
        .col_expr(touchpoints::Column::OverdueNoted, Expr::value(true))
        .filter(touchpoints::Column::Id.in_subquery(due))
        .filter(touchpoints::Column::OverdueNoted.eq(false))
        .filter(touchpoints::Column::Status.eq(SCHEDULED))
        .exec_with_returning(db)
        .await
}
