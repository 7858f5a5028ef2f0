//! Purchase queries, and the value figures they determine.

use chrono::{DateTime, Utc};
use entity::purchases;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn find<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    id: Uuid,
) -> DbResult<Option<purchases::Model>> {
    purchases::Entity::find_by_id(id)
        .filter(purchases::Column::CustomerId.eq(customer_id))
        .one(db)
        .await
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: purchases::ActiveModel,
) -> DbResult<purchases::Model> {
    row.insert(db).await
}

pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<()> {
    purchases::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Newest first, before the `(occurred_at, id)` position.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    before: Option<(DateTime<Utc>, Uuid)>,
    inclusive_at: bool,
    limit: u64,
) -> DbResult<Rows<purchases::Model>> {
    use purchases::{Column, Entity};
    let columns = super::page::Newest::<Entity> {
        customer: Column::CustomerId,
        at: Column::OccurredAt,
        id: Column::Id,
    };
    super::page::newest_of_customer(db, columns, customer_id, before, inclusive_at, limit).await
}
