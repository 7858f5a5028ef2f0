//! Purchase queries, and the value figures they determine.

use entity::purchases;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::DbResult;

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

/// A customer's purchases, newest first (`page::newest_of_customer`).
pub const NEWEST: super::page::Newest<purchases::Entity> = super::page::Newest {
    customer: purchases::Column::CustomerId,
    at: purchases::Column::OccurredAt,
    id: purchases::Column::Id,
};
