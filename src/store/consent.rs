//! The history of customers' consent.

use entity::consent_changes;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn insert_all<C: ConnectionTrait>(
    db: &C,
    rows: Vec<consent_changes::ActiveModel>,
) -> DbResult<()> {
    if !rows.is_empty() {
        consent_changes::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

/// The consent changes of one customer, oldest first, after the `(changed_at, id)` position.
pub async fn changes<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    after: Option<(chrono::DateTime<chrono::Utc>, Uuid)>,
    limit: u64,
) -> DbResult<Rows<consent_changes::Model>> {
    use consent_changes::Column;
    let mut query = consent_changes::Entity::find().filter(Column::CustomerId.eq(customer_id));
    if let Some((at, id)) = after {
        query = query.filter(
            Condition::any().add(Column::ChangedAt.gt(at)).add(
                Condition::all()
                    .add(Column::ChangedAt.eq(at))
                    .add(Column::Id.gt(id)),
            ),
        );
    }
    let query = query
        .order_by_asc(Column::ChangedAt)
        .order_by_asc(Column::Id);
    super::page::fetch(db, query, limit).await
}
