//! Stored login-throttle state per email.

use chrono::{DateTime, Utc};
use entity::login_throttle;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};

use super::DbResult;
use crate::domain::login::Throttle;

/// The email's throttle row, created empty when missing and locked for the rest of the
/// transaction (`FOR UPDATE`; on SQLite the write transaction already excludes others), so
/// that concurrent attempts for one email are counted one after another.
pub async fn lock<C: ConnectionTrait>(
    tx: &C,
    email: &str,
    now: DateTime<Utc>,
) -> DbResult<Throttle> {
    login_throttle::Entity::insert(login_throttle::ActiveModel {
        email: Set(email.to_string()),
        failures: Set(0),
        last_failure_at: Set(now),
        locked_until: Set(None),
    })
    .on_conflict(
        OnConflict::column(login_throttle::Column::Email)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(tx)
    .await?;
    let row = login_throttle::Entity::find_by_id(email.to_string())
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("login throttle".into()))?;
    Ok(Throttle {
        failures: row.failures,
        last_failure_at: row.last_failure_at,
        locked_until: row.locked_until,
    })
}

pub async fn put<C: ConnectionTrait>(db: &C, email: &str, t: Throttle) -> DbResult<()> {
    login_throttle::Entity::insert(login_throttle::ActiveModel {
        email: Set(email.to_string()),
        failures: Set(t.failures),
        last_failure_at: Set(t.last_failure_at),
        locked_until: Set(t.locked_until),
    })
    .on_conflict(
        OnConflict::column(login_throttle::Column::Email)
            .update_columns([
                login_throttle::Column::Failures,
                login_throttle::Column::LastFailureAt,
                login_throttle::Column::LockedUntil,
            ])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

pub async fn clear<C: ConnectionTrait>(db: &C, email: &str) -> DbResult<()> {
    login_throttle::Entity::delete_by_id(email.to_string())
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets entries whose last failure is older than `before`, unless still locked.
pub async fn purge_older_than<C: ConnectionTrait>(db: &C, before: DateTime<Utc>) -> DbResult<u64> {
    Ok(login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::LastFailureAt.lt(before))
        .filter(
            sea_orm::Condition::any()
                .add(login_throttle::Column::LockedUntil.is_null())
                .add(login_throttle::Column::LockedUntil.lt(before)),
        )
        .exec(db)
        .await?
        .rows_affected)
}
