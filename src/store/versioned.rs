//! Records changed in place under optimistic concurrency: a `version` that every change
//! bumps, and a write that lands only on the version the caller read.

use entity::{complaints, customers, interactions, playbooks, segments, touchpoints, users};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::DbResult;

/// An entity with a `Uuid` id and an `i32` version.
pub trait Versioned: EntityTrait {
    const ID: Self::Column;
    const VERSION: Self::Column;
}

macro_rules! versioned {
    ($($entity:ident),+) => {
        $(impl Versioned for $entity::Entity {
            const ID: Self::Column = $entity::Column::Id;
            const VERSION: Self::Column = $entity::Column::Version;
        })+
    };
}

versioned!(
    complaints,
    customers,
    interactions,
    playbooks,
    segments,
    touchpoints,
    users
);

/// Writes `model` to row `id` when it still has `expected_version`; false when another
/// change landed first (or the row is gone).
pub async fn update_if_version<A, C>(
    db: &C,
    id: Uuid,
    expected_version: i32,
    model: A,
) -> DbResult<bool>
where
    A: ActiveModelTrait + Send,
    A::Entity: Versioned,
    C: ConnectionTrait,
{
    let result = <A::Entity as EntityTrait>::update_many()
        .set(model)
        .filter(<A::Entity as Versioned>::ID.eq(id))
        .filter(<A::Entity as Versioned>::VERSION.eq(expected_version))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
