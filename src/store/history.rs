//! Customer history rows and owner hand-offs.

use entity::{customer_handoffs, customer_history};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn insert_change<C: ConnectionTrait>(
    db: &C,
    row: customer_history::ActiveModel,
) -> DbResult<()> {
    row.insert(db).await?;
    Ok(())
}

pub async fn insert_handoff<C: ConnectionTrait>(
    db: &C,
    row: customer_handoffs::ActiveModel,
) -> DbResult<()> {
    row.insert(db).await?;
    Ok(())
}

/// Changes of one customer, oldest first, after the `(at, id)` position.
pub async fn changes<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    after: Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
    limit: u64,
) -> DbResult<Rows<customer_history::Model>> {
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
    let query = query.order_by_asc(Column::At).order_by_asc(Column::Id);
    super::page::fetch(db, query, limit).await
}

/// Hand-offs of one customer, newest first, before the `(at, id)` position.
pub async fn handoffs<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    before: Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
    inclusive_at: bool,
    limit: u64,
) -> DbResult<Rows<customer_handoffs::Model>> {
    use customer_handoffs::Column;
    let mut query = customer_handoffs::Entity::find().filter(Column::CustomerId.eq(customer_id));
    if let Some((at, id)) = before {
        query = query.filter(super::page::before(
            Column::At,
            Column::Id,
            at,
            id,
            inclusive_at,
        ));
    }
    let query = query.order_by_desc(Column::At).order_by_desc(Column::Id);
    super::page::fetch(db, query, limit).await
}
