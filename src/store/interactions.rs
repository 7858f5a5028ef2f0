//! Interaction queries, and the contact times they determine.

use chrono::{DateTime, Utc};
use entity::interactions;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::role::CustomerScope;

#[derive(Debug, Default)]
pub struct InteractionFilter {
    pub customer_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub channel: Option<&'static str>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: interactions::ActiveModel,
) -> DbResult<interactions::Model> {
    row.insert(db).await
}

pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<()> {
    interactions::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Newest first, before the `(occurred_at, id)` position.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &InteractionFilter,
    before: Option<(DateTime<Utc>, Uuid)>,
    inclusive_at: bool,
    limit: u64,
) -> DbResult<Rows<interactions::Model>> {
    use interactions::Column;
    let mut query = interactions::Entity::find().filter(super::scope::records_of(
        interactions::Column::CustomerId,
        scope,
    ));
    if let Some(c) = filter.customer_id {
        query = query.filter(Column::CustomerId.eq(c));
    }
    if let Some(u) = filter.user_id {
        query = query.filter(Column::UserId.eq(u));
    }
    if let Some(ch) = filter.channel {
        query = query.filter(Column::Channel.eq(ch));
    }
    if let Some(from) = filter.from {
        query = query.filter(Column::OccurredAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(Column::OccurredAt.lt(to));
    }
    if let Some((at, id)) = before {
        query = query.filter(super::page::before(
            Column::OccurredAt,
            Column::Id,
            at,
            id,
            inclusive_at,
        ));
    }
    let query = query
        .order_by_desc(Column::OccurredAt)
        .order_by_desc(Column::Id);
    super::page::fetch(db, query, limit).await
}
