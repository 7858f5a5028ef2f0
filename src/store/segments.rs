//! Segment rows and static membership.

use chrono::{DateTime, Utc};
use entity::{customers, segment_members, segments};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn find<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<segments::Model>> {
    segments::Entity::find_by_id(id).one(db).await
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: segments::ActiveModel,
) -> DbResult<segments::Model> {
    row.insert(db).await
}

pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<()> {
    segment_members::Entity::delete_many()
        .filter(segment_members::Column::SegmentId.eq(id))
        .exec(db)
        .await?;
    segments::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    kind: Option<&str>,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<segments::Model>> {
    let mut query = segments::Entity::find();
    if let Some(kind) = kind {
        query = query.filter(segments::Column::Kind.eq(kind));
    }
    if let Some(after) = after {
        query = query.filter(segments::Column::Id.gt(after));
    }
    let query = query.order_by_asc(segments::Column::Id);
    super::page::fetch(db, query, limit).await
}

/// Customers listed in a static segment.
pub fn static_members(segment_id: Uuid) -> Condition {
    Condition::all().add(
        customers::Column::Id.in_subquery(
            Query::select()
                .column(segment_members::Column::CustomerId)
                .from(segment_members::Entity)
                .and_where(segment_members::Column::SegmentId.eq(segment_id))
                .to_owned(),
        ),
    )
}

/// Of `ids`, those that name live customers.
pub async fn existing_customers<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> DbResult<Vec<Uuid>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    customers::Entity::find()
        .select_only()
        .column(customers::Column::Id)
        .filter(customers::Column::Id.is_in(ids.iter().copied()))
        .filter(super::scope::live())
        .into_tuple()
        .all(db)
        .await
}

/// Adds members, ignoring those already in; returns how many were new.
/// Which of `ids` are members of the segment.
pub async fn members_among<C: ConnectionTrait>(
    db: &C,
    segment_id: Uuid,
    ids: &[Uuid],
) -> DbResult<Vec<Uuid>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(segment_members::Entity::find()
        .filter(segment_members::Column::SegmentId.eq(segment_id))
        .filter(segment_members::Column::CustomerId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.customer_id)
        .collect())
}

pub async fn add_members<C: ConnectionTrait>(
    db: &C,
    segment_id: Uuid,
    ids: &[Uuid],
    now: DateTime<Utc>,
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    let before = count_members(db, segment_id).await?;
    segment_members::Entity::insert_many(ids.iter().map(|id| segment_members::ActiveModel {
        segment_id: Set(segment_id),
        customer_id: Set(*id),
        added_at: Set(now),
    }))
    .on_conflict_do_nothing_on([
        segment_members::Column::SegmentId,
        segment_members::Column::CustomerId,
    ])
    .exec(db)
    .await?;
    Ok(count_members(db, segment_id).await? - before)
}

pub async fn remove_members<C: ConnectionTrait>(
    db: &C,
    segment_id: Uuid,
    ids: &[Uuid],
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(segment_members::Entity::delete_many()
        .filter(segment_members::Column::SegmentId.eq(segment_id))
        .filter(segment_members::Column::CustomerId.is_in(ids.iter().copied()))
        .exec(db)
        .await?
        .rows_affected)
}

async fn count_members<C: ConnectionTrait>(db: &C, segment_id: Uuid) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    segment_members::Entity::find()
        .filter(segment_members::Column::SegmentId.eq(segment_id))
        .count(db)
        .await
}
