//! Customer history rows and owner hand-offs.

use entity::{customer_handoffs, customer_history};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::error::ApiResult;

pub async fn insert_change<C: ConnectionTrait>(
    db: &C,
    row: customer_history::ActiveModel,
) -> ApiResult<()> {
    row.insert(db).await?;
    Ok(())
}

pub async fn insert_handoff<C: ConnectionTrait>(
    db: &C,
    row: customer_handoffs::ActiveModel,
) -> ApiResult<()> {
    row.insert(db).await?;
    Ok(())
}

/// Changes of one customer, oldest first, after the `(at, id)` position.
pub async fn changes<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    after: Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
    limit: u64,
) -> ApiResult<(Vec<customer_history::Model>, bool)> {
    use customer_history::Column;
    let mut query = customer_history::Entity::find().filter(Column::CustomerId.eq(customer_id));
    if let Some((at, id)) = after {
        query = query.filter(
            Condition::any().add(Column::At.gt(at)).add(
                Condition::all()
                    .add(Column::At.eq(at))
                    .add(Column::Id.gt(id)),
            ),
        );
    }
    let rows = query
        .order_by_asc(Column::At)
        .order_by_asc(Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    Ok(super::split_page(rows, limit))
}

/// Hand-offs of one customer, newest first, before the `(at, id)` position.
pub async fn handoffs<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    before: Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
    inclusive_at: bool,
    limit: u64,
) -> ApiResult<(Vec<customer_handoffs::Model>, bool)> {
    use customer_handoffs::Column;
    let mut query = customer_handoffs::Entity::find().filter(Column::CustomerId.eq(customer_id));
    if let Some((at, id)) = before {
        query = query.filter(super::before_condition(
            Column::At,
            Column::Id,
            at,
            id,
            inclusive_at,
        ));
    }
    let rows = query
        .order_by_desc(Column::At)
        .order_by_desc(Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    Ok(super::split_page(rows, limit))
}
