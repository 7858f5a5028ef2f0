//! Stored idempotency keys and the responses they replay.

use chrono::{DateTime, Utc};
use entity::idempotency_keys;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::DbResult;

pub async fn find<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    key: &str,
) -> DbResult<Option<idempotency_keys::Model>> {
    idempotency_keys::Entity::find_by_id((user_id, key.to_string()))
        .one(db)
        .await
}

/// Claims a key before the request runs. A concurrent claim of the same key fails on the
/// primary key, which the caller reports as "in progress".
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    key: &str,
    method: &str,
    path: &str,
    request_hash: &str,
    now: DateTime<Utc>,
) -> DbResult<()> {
    idempotency_keys::ActiveModel {
        user_id: Set(user_id),
        key: Set(key.to_string()),
        method: Set(method.to_string()),
        path: Set(path.to_string()),
        request_hash: Set(request_hash.to_string()),
        response_status: Set(None),
        response_headers: Set(None),
        response_body: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn complete<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    key: &str,
    status: u16,
    headers: serde_json::Value,
    body: String,
) -> DbResult<()> {
    idempotency_keys::Entity::update_many()
        .set(idempotency_keys::ActiveModel {
            response_status: Set(Some(i32::from(status))),
            response_headers: Set(Some(headers)),
            response_body: Set(Some(body)),
            ..Default::default()
        })
        .filter(idempotency_keys::Column::UserId.eq(user_id))
        .filter(idempotency_keys::Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn release<C: ConnectionTrait>(db: &C, user_id: Uuid, key: &str) -> DbResult<()> {
    idempotency_keys::Entity::delete_by_id((user_id, key.to_string()))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets keys older than `before`.
pub async fn purge_older_than<C: ConnectionTrait>(db: &C, before: DateTime<Utc>) -> DbResult<u64> {
    Ok(idempotency_keys::Entity::delete_many()
        .filter(idempotency_keys::Column::CreatedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

/// Replaces every stored response that names `customer` (its id appears in every answer
/// about it or its records) with a 410 problem: a replay no longer hands out what erasure
/// removed, and the key stays taken, so a retry does not redo the request. Returns how many.
pub async fn erase_about<C: ConnectionTrait>(db: &C, customer: Uuid) -> DbResult<u64> {
    let gone = serde_json::json!({
        "type": "about:blank", "title": "Gone", "status": 410,
        "detail": "the customer this answer was about has been erased"
    });
    Ok(idempotency_keys::Entity::update_many()
        .set(idempotency_keys::ActiveModel {
            response_status: Set(Some(410)),
            response_headers: Set(Some(
                serde_json::json!({"content-type": "application/problem+json"}),
            )),
            response_body: Set(Some(gone.to_string())),
            ..Default::default()
        })
        .filter(idempotency_keys::Column::ResponseBody.contains(customer.to_string()))
        .exec(db)
        .await?
        .rows_affected)
}
