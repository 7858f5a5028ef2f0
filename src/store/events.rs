//! The outbox of domain events, written in the same transaction as the change that caused
//! them, so a consumer (the cadence engine) never misses one and never sees a rolled-back one.

use entity::domain_events;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use super::DbResult;

/// Appends an event and returns its id.
pub async fn append<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    customer_id: Uuid,
    payload: serde_json::Value,
    at: chrono::DateTime<chrono::Utc>,
) -> DbResult<Uuid> {
    let id = Uuid::now_v7();
    domain_events::ActiveModel {
        id: Set(id),
        kind: Set(kind.to_string()),
        customer_id: Set(customer_id),
        payload: Set(payload),
        occurred_at: Set(at),
        processed_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Marks the event processed; false when it already was (by another pass or replica), so
/// each event is applied exactly once.
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> DbResult<bool> {
    let result = domain_events::Entity::update_many()
        .col_expr(
            domain_events::Column::ProcessedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(domain_events::Column::Id.eq(id))
        .filter(domain_events::Column::ProcessedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Unprocessed events of a kind, oldest first.
pub async fn pending<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    limit: u64,
) -> DbResult<Vec<domain_events::Model>> {
    domain_events::Entity::find()
        .filter(domain_events::Column::Kind.eq(kind))
        .filter(domain_events::Column::ProcessedAt.is_null())
        .order_by_asc(domain_events::Column::OccurredAt)
        .order_by_asc(domain_events::Column::Id)
        .limit(limit)
        .all(db)
        .await
}
