//! Records changed in place under optimistic concurrency: a `version` that every change
//! bumps, and a write that lands only on the version the caller read.

use entity::{
    api_keys, complaints, customers, interactions, playbooks, segments, touchpoints, users,
    webhooks,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use super::DbResult;
use crate::model::role::CustomerScope;

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
    api_keys,
    complaints,
    customers,
    interactions,
    playbooks,
    segments,
    touchpoints,
    users,
    webhooks
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

/// A versioned record that hangs off a customer and is visible with it.
pub trait CustomerRecord: Versioned {
    const CUSTOMER: Self::Column;

    fn customer_of(model: &Self::Model) -> Uuid;
}

macro_rules! customer_record {
    ($($entity:ident),+) => {
        $(impl CustomerRecord for $entity::Entity {
            const CUSTOMER: Self::Column = $entity::Column::CustomerId;

            fn customer_of(model: &Self::Model) -> Uuid {
                model.customer_id
            }
        })+
    };
}

customer_record!(complaints, interactions, touchpoints);

/// The record `id`, when its customer is in `scope`.
pub async fn find_visible<E: CustomerRecord, C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<E::Model>> {
    E::find()
        .filter(E::ID.eq(id))
        .filter(super::scope::records_of(E::CUSTOMER, scope))
        .one(db)
        .await
}

/// The row `id`, locked until the transaction ends (see "Check-then-write").
pub async fn lock<E: Versioned, C: ConnectionTrait>(
    tx: &C,
    id: Uuid,
) -> DbResult<Option<E::Model>> {
    E::find()
        .filter(E::ID.eq(id))
        .lock_exclusive()
        .one(tx)
        .await
}
