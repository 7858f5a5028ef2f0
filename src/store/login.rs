//! Stored login-throttle state per email and source address.

use chrono::{DateTime, Utc};
use entity::login_throttle;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};

use super::DbResult;
use crate::model::login::{Attempt, Throttle};

fn row(attempt: &Attempt, t: Throttle) -> login_throttle::ActiveModel {
    login_throttle::ActiveModel {
        email: Set(attempt.email.clone()),
        source: Set(attempt.source.clone()),
        failures: Set(t.failures),
        last_failure_at: Set(t.last_failure_at),
        locked_until: Set(t.locked_until),
        checking: Set(t.checking),
        checking_until: Set(t.checking_until),
    }
}

fn key() -> OnConflict {
    OnConflict::columns([
        login_throttle::Column::Email,
        login_throttle::Column::Source,
    ])
}

/// The attempt's throttle row, created empty when missing and locked for the rest of the
/// transaction (`FOR UPDATE`; on SQLite the write transaction already excludes others), so
/// that concurrent attempts for one email from one source are counted one after another.
pub async fn lock<C: ConnectionTrait>(
    tx: &C,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> DbResult<Throttle> {
    let fresh = Throttle {
        failures: 0,
        last_failure_at: now,
        locked_until: None,
        checking: 0,
        checking_until: None,
    };
    login_throttle::Entity::insert(row(attempt, fresh))
        .on_conflict(key().do_nothing().to_owned())
        .exec_without_returning(tx)
        .await?;
    let found = login_throttle::Entity::find_by_id((attempt.email.clone(), attempt.source.clone()))
        .lock_exclusive()
        .one(tx)
        .await?;
    // A row purged between the insert and the read is a row with no failures.
    Ok(found.map_or(fresh, |r| Throttle {
        failures: r.failures,
        last_failure_at: r.last_failure_at,
        locked_until: r.locked_until,
        checking: r.checking,
        checking_until: r.checking_until,
    }))
}

pub async fn put<C: ConnectionTrait>(db: &C, attempt: &Attempt, t: Throttle) -> DbResult<()> {
    login_throttle::Entity::insert(row(attempt, t))
        .on_conflict(
            key()
                .update_columns([
                    login_throttle::Column::Failures,
                    login_throttle::Column::LastFailureAt,
                    login_throttle::Column::LockedUntil,
                    login_throttle::Column::Checking,
                    login_throttle::Column::CheckingUntil,
                ])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

pub async fn clear<C: ConnectionTrait>(db: &C, attempt: &Attempt) -> DbResult<()> {
    login_throttle::Entity::delete_by_id((attempt.email.clone(), attempt.source.clone()))
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
