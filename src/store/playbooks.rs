//! Playbook rows, and the record of seeded defaults.

use chrono::{DateTime, Utc};
use entity::{playbooks, seeded_defaults};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::role::CustomerScope;

/// Playbooks for every tier or a tier are visible to everyone; a customer's personal plan to
/// those who can see the customer.
fn scope_condition(scope: CustomerScope) -> Condition {
    match scope {
        CustomerScope::All => Condition::all(),
        CustomerScope::OwnedBy(_) => Condition::any()
            .add(playbooks::Column::CustomerId.is_null())
            .add(super::scope::records_of(
                playbooks::Column::CustomerId,
                scope,
            )),
    }
}

pub async fn find_visible<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<playbooks::Model>> {
    playbooks::Entity::find_by_id(id)
        .filter(scope_condition(scope))
        .one(db)
        .await
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: playbooks::ActiveModel,
) -> DbResult<playbooks::Model> {
    row.insert(db).await
}

pub async fn delete_if_version<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    expected_version: i32,
) -> DbResult<bool> {
    let result = playbooks::Entity::delete_many()
        .filter(playbooks::Column::Id.eq(id))
        .filter(playbooks::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub struct PlaybookFilter {
    pub tier: Option<&'static str>,
    pub trigger: Option<&'static str>,
    pub customer_id: Option<Uuid>,
    pub active: Option<bool>,
}

/// Oldest first (ids are time-ordered), after `after`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &PlaybookFilter,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<playbooks::Model>> {
    use playbooks::Column;
    let mut query = playbooks::Entity::find().filter(scope_condition(scope));
    if let Some(tier) = filter.tier {
        query = query.filter(Column::Tier.eq(tier));
    }
    if let Some(trigger) = filter.trigger {
        query = query.filter(Column::Trigger.eq(trigger));
    }
    if let Some(customer) = filter.customer_id {
        query = query.filter(Column::CustomerId.eq(customer));
    }
    if let Some(active) = filter.active {
        query = query.filter(Column::Active.eq(active));
    }
    if let Some(after) = after {
        query = query.filter(Column::Id.gt(after));
    }
    super::page::fetch(db, query.order_by_asc(Column::Id), limit).await
}

/// Records that the default `key` has been seeded. False when it already was (by an earlier
/// start or by another replica at the same moment), in which case nothing is to be seeded.
pub async fn claim_default<C: ConnectionTrait>(
    db: &C,
    key: &str,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let inserted = seeded_defaults::Entity::insert(seeded_defaults::ActiveModel {
        key: Set(key.to_string()),
        seeded_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(seeded_defaults::Column::Key)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(inserted == 1)
}

/// The active playbooks a trigger starts for a customer: the customer's personal plans when it
/// has any for this trigger, otherwise those of its tier and those for every tier.
pub async fn applicable<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    tier: &str,
    trigger: &str,
) -> DbResult<Vec<playbooks::Model>> {
    use playbooks::Column;
    let active = || {
        playbooks::Entity::find()
            .filter(Column::Active.eq(true))
            .filter(Column::Trigger.eq(trigger))
            .order_by_asc(Column::Id)
    };
    let personal = active()
        .filter(Column::CustomerId.eq(customer_id))
        .all(db)
        .await?;
    if !personal.is_empty() {
        return Ok(personal);
    }
    active()
        .filter(Column::CustomerId.is_null())
        .filter(
            Condition::any()
                .add(Column::Tier.eq(tier))
                .add(Column::Tier.is_null()),
        )
        .all(db)
        .await
}

pub async fn find<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<playbooks::Model>> {
    playbooks::Entity::find_by_id(id).one(db).await
}

/// The active playbooks of a tier with a recurring contact, whatever their trigger.
pub async fn recurring_of_tier<C: ConnectionTrait>(
    db: &C,
    tier: &str,
) -> DbResult<Vec<playbooks::Model>> {
    playbooks::Entity::find()
        .filter(playbooks::Column::Active.eq(true))
        .filter(playbooks::Column::CustomerId.is_null())
        .filter(playbooks::Column::Tier.eq(tier))
        .filter(playbooks::Column::Recurrence.is_not_null())
        .order_by_asc(playbooks::Column::Id)
        .all(db)
        .await
}

/// Which of the customers have an active personal plan.
pub async fn with_personal_plan<C: ConnectionTrait>(
    db: &C,
    customer_ids: &[Uuid],
) -> DbResult<std::collections::HashSet<Uuid>> {
    let owners: Vec<Option<Uuid>> = playbooks::Entity::find()
        .select_only()
        .column(playbooks::Column::CustomerId)
        .distinct()
        .filter(playbooks::Column::Active.eq(true))
        .filter(playbooks::Column::CustomerId.is_in(customer_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(owners.into_iter().flatten().collect())
}

/// Whether any active playbook starts on `trigger` (new customers have no personal plan, so
/// none applies to them without one).
pub async fn any_active_for<C: ConnectionTrait>(db: &C, trigger: &str) -> DbResult<bool> {
    Ok(playbooks::Entity::find()
        .filter(playbooks::Column::Active.eq(true))
        .filter(playbooks::Column::Trigger.eq(trigger))
        .one(db)
        .await?
        .is_some())
}
