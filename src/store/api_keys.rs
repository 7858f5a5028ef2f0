//! API key queries.

use chrono::{DateTime, Duration, Utc};
use entity::{api_keys, users};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: api_keys::ActiveModel,
) -> DbResult<api_keys::Model> {
    row.insert(db).await
}

pub async fn find<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<api_keys::Model>> {
    api_keys::Entity::find_by_id(id).one(db).await
}

/// Oldest first (ids are time-ordered), after `after`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<api_keys::Model>> {
    let mut query = api_keys::Entity::find();
    if let Some(after) = after {
        query = query.filter(api_keys::Column::Id.gt(after));
    }
    super::page::fetch(db, query.order_by_asc(api_keys::Column::Id), limit).await
}

/// The key whose secret hashes to `hash`, if it is neither revoked nor expired at `now`, with
/// the user it acts for: one statement, so a revocation stops the key at once everywhere.
pub async fn usable<C: ConnectionTrait>(
    db: &C,
    hash: &str,
    now: DateTime<Utc>,
) -> DbResult<Option<(api_keys::Model, Option<users::Model>)>> {
    api_keys::Entity::find()
        .find_also_related(users::Entity)
        .filter(api_keys::Column::SecretHash.eq(hash))
        .filter(api_keys::Column::RevokedAt.is_null())
        .filter(
            Condition::any()
                .add(api_keys::Column::ExpiresAt.is_null())
                .add(api_keys::Column::ExpiresAt.gt(now)),
        )
        .one(db)
        .await
}

/// Notes a use at `now`, unless one was noted within the last minute.
pub async fn touch<C: ConnectionTrait>(db: &C, id: Uuid, now: DateTime<Utc>) -> DbResult<()> {
    api_keys::Entity::update_many()
        .col_expr(api_keys::Column::LastUsedAt, Expr::value(now))
        .filter(api_keys::Column::Id.eq(id))
        .filter(
            Condition::any()
                .add(api_keys::Column::LastUsedAt.is_null())
                .add(api_keys::Column::LastUsedAt.lt(now - Duration::minutes(1))),
        )
        .exec(db)
        .await?;
    Ok(())
}
