//! Customer queries: visibility-scoped lookups, keyset-paginated lists, tag storage and
//! version-checked updates.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::{customer_tags, customers};
use sea_orm::sea_query::{Expr, ExprTrait, Func, NullOrdering, Order, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::domain::role::CustomerScope;
use crate::dto::customer::CustomerSort;

/// What a customers list is narrowed to; built by the domain from the query parameters.
#[derive(Debug, Default)]
pub struct CustomerFilter {
    pub owner_id: Option<Uuid>,
    pub tier: Option<&'static str>,
    pub lifecycle_stage: Option<&'static str>,
    pub status: Option<&'static str>,
    pub tag: Option<String>,
    pub industry: Option<String>,
    pub q: Option<String>,
    pub last_contacted_before: Option<DateTime<Utc>>,
    pub birthday_keys: Option<Vec<i32>>,
    /// Membership of a segment, translated by the domain.
    pub segment: Option<Condition>,
}

/// Where the previous page ended: the last row's sort key (`None` where it had no value) and
/// id. The domain reads it from the client's cursor.
#[derive(Debug)]
pub struct After {
    pub key: Option<sea_orm::Value>,
    pub id: Uuid,
}

fn scope_condition(scope: CustomerScope) -> Condition {
    let visible = Condition::all().add(customers::Column::DeletedAt.is_null());
    match scope {
        CustomerScope::All => visible,
        CustomerScope::OwnedBy(owner) => visible.add(customers::Column::OwnerId.eq(owner)),
    }
}

pub async fn find_visible<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<customers::Model>> {
    customers::Entity::find_by_id(id)
        .filter(scope_condition(scope))
        .one(db)
        .await
}

/// `find_visible`, with the row locked until the transaction ends (see "Check-then-write").
pub async fn lock_visible<C: ConnectionTrait>(
    tx: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<customers::Model>> {
    customers::Entity::find_by_id(id)
        .filter(scope_condition(scope))
        .lock_exclusive()
        .one(tx)
        .await
}

pub async fn tags_of<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
) -> DbResult<HashMap<Uuid, Vec<String>>> {
    let mut map: HashMap<Uuid, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let rows = customer_tags::Entity::find()
        .filter(customer_tags::Column::CustomerId.is_in(ids.iter().copied()))
        .order_by_asc(customer_tags::Column::Tag)
        .all(db)
        .await?;
    for row in rows {
        map.entry(row.customer_id).or_default().push(row.tag);
    }
    Ok(map)
}

pub async fn replace_tags<C: ConnectionTrait>(db: &C, id: Uuid, tags: &[String]) -> DbResult<()> {
    customer_tags::Entity::delete_many()
        .filter(customer_tags::Column::CustomerId.eq(id))
        .exec(db)
        .await?;
    if !tags.is_empty() {
        customer_tags::Entity::insert_many(tags.iter().map(|tag| customer_tags::ActiveModel {
            customer_id: Set(id),
            tag: Set(tag.clone()),
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    model: customers::ActiveModel,
) -> DbResult<customers::Model> {
    model.insert(db).await
}

/// Writes `model` only if the stored row still has `expected_version`; the caller has
/// already bumped `version` in `model`. Nothing is written when the row changed meanwhile.
pub async fn update_if_version<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    expected_version: i32,
    model: customers::ActiveModel,
) -> DbResult<bool> {
    let result = customers::Entity::update_many()
        .set(model)
        .filter(customers::Column::Id.eq(id))
        .filter(customers::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

fn sort_column(sort: CustomerSort) -> (customers::Column, Order) {
    use CustomerSort::*;
    match sort {
        NameAsc => (customers::Column::Name, Order::Asc),
        NameDesc => (customers::Column::Name, Order::Desc),
        CreatedAsc => (customers::Column::CreatedAt, Order::Asc),
        CreatedDesc => (customers::Column::CreatedAt, Order::Desc),
        UpdatedAsc => (customers::Column::UpdatedAt, Order::Asc),
        UpdatedDesc => (customers::Column::UpdatedAt, Order::Desc),
        LastContactedAsc => (customers::Column::LastContactedAt, Order::Asc),
        LastContactedDesc => (customers::Column::LastContactedAt, Order::Desc),
        ValueAsc => (customers::Column::LifetimeValueMinor, Order::Asc),
        ValueDesc => (customers::Column::LifetimeValueMinor, Order::Desc),
        PurchasesAsc => (customers::Column::PurchaseCount, Order::Asc),
        PurchasesDesc => (customers::Column::PurchaseCount, Order::Desc),
        LastPurchaseAsc => (customers::Column::LastPurchaseAt, Order::Asc),
        LastPurchaseDesc => (customers::Column::LastPurchaseAt, Order::Desc),
    }
}

/// Rows strictly after the cursor in (sort key, id) order, with nulls last in both directions.
fn after_condition(sort: CustomerSort, after: &After) -> Condition {
    let (col, order) = sort_column(sort);
    let id = customers::Column::Id;
    let descending = matches!(order, Order::Desc);
    let beyond =
        |c: customers::Column, v: sea_orm::Value| if descending { c.lt(v) } else { c.gt(v) };
    let id_beyond = if descending {
        id.lt(after.id)
    } else {
        id.gt(after.id)
    };
    match &after.key {
        Some(v) => {
            let v = v.clone();
            Condition::any()
                .add(beyond(col, v.clone()))
                .add(Condition::all().add(col.eq(v)).add(id_beyond))
                .add(col.is_null())
        }
        None => Condition::all().add(col.is_null()).add(id_beyond),
    }
}

fn filter_condition(filter: &CustomerFilter) -> Condition {
    let mut cond = Condition::all();
    if let Some(owner) = filter.owner_id {
        cond = cond.add(customers::Column::OwnerId.eq(owner));
    }
    if let Some(tier) = filter.tier {
        cond = cond.add(customers::Column::Tier.eq(tier));
    }
    if let Some(stage) = filter.lifecycle_stage {
        cond = cond.add(customers::Column::LifecycleStage.eq(stage));
    }
    if let Some(status) = filter.status {
        cond = cond.add(customers::Column::Status.eq(status));
    }
    if let Some(industry) = &filter.industry {
        cond = cond.add(customers::Column::Industry.eq(industry.clone()));
    }
    if let Some(tag) = &filter.tag {
        cond = cond.add(
            customers::Column::Id.in_subquery(
                Query::select()
                    .column(customer_tags::Column::CustomerId)
                    .from(customer_tags::Entity)
                    .and_where(customer_tags::Column::Tag.eq(tag.clone()))
                    .to_owned(),
            ),
        );
    }
    if let Some(q) = &filter.q {
        let pattern = super::contains_pattern(q);
        let like = |col: customers::Column| {
            Expr::expr(Func::lower(Expr::col((customers::Entity, col))))
                .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\'))
        };
        cond = cond.add(
            Condition::any()
                .add(like(customers::Column::Name))
                .add(like(customers::Column::Company))
                .add(like(customers::Column::Email))
                .add(like(customers::Column::Phone)),
        );
    }
    if let Some(before) = filter.last_contacted_before {
        cond = cond.add(
            Condition::any()
                .add(customers::Column::LastContactedAt.is_null())
                .add(customers::Column::LastContactedAt.lt(before)),
        );
    }
    if let Some(keys) = &filter.birthday_keys {
        cond = cond.add(customers::Column::BirthdayMmdd.is_in(keys.iter().copied()));
    }
    if let Some(segment) = &filter.segment {
        cond = cond.add(segment.clone());
    }
    cond
}

/// One page of customers plus whether more follow.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &CustomerFilter,
    sort: CustomerSort,
    after: Option<&After>,
    limit: u64,
) -> DbResult<Rows<customers::Model>> {
    let (col, order) = sort_column(sort);
    let mut query = customers::Entity::find()
        .filter(scope_condition(scope))
        .filter(filter_condition(filter));
    if let Some(after) = after {
        query = query.filter(after_condition(sort, after));
    }
    let query = query
        .order_by_with_nulls(col, order.clone(), NullOrdering::Last)
        .order_by(customers::Column::Id, order);
    super::page::fetch(db, query, limit).await
}

/// How many customers the scope reaches that match the filter, counted by the database.
pub async fn count<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &CustomerFilter,
) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    customers::Entity::find()
        .filter(scope_condition(scope))
        .filter(filter_condition(filter))
        .count(db)
        .await
}

/// How many live customers a user owns.
pub async fn count_owned_by<C: ConnectionTrait>(db: &C, owner: Uuid) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    customers::Entity::find()
        .filter(scope_condition(CustomerScope::OwnedBy(owner)))
        .count(db)
        .await
}
