//! Interaction queries, and the contact times they determine.

use chrono::{DateTime, Utc};
use entity::{customers, interactions};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::role::CustomerScope;

#[derive(Debug, Default)]
pub struct InteractionFilter {
    pub customer_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub channel: Option<&'static str>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Interactions of customers the scope can reach (and that are not deleted).
fn visible(scope: CustomerScope) -> Condition {
    let mut customers_q = Query::select();
    customers_q
        .column(customers::Column::Id)
        .from(customers::Entity)
        .and_where(customers::Column::DeletedAt.is_null());
    if let CustomerScope::OwnedBy(owner) = scope {
        customers_q.and_where(customers::Column::OwnerId.eq(owner));
    }
    Condition::all().add(interactions::Column::CustomerId.in_subquery(customers_q.to_owned()))
}

pub async fn find_visible<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
) -> DbResult<Option<interactions::Model>> {
    interactions::Entity::find_by_id(id)
        .filter(visible(scope))
        .one(db)
        .await
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: interactions::ActiveModel,
) -> DbResult<interactions::Model> {
    row.insert(db).await
}

pub async fn update_if_version<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    expected_version: i32,
    row: interactions::ActiveModel,
) -> DbResult<bool> {
    let result = interactions::Entity::update_many()
        .set(row)
        .filter(interactions::Column::Id.eq(id))
        .filter(interactions::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<()> {
    interactions::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Newest first, before the `(occurred_at, id)` position.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    filter: &InteractionFilter,
    before: Option<(DateTime<Utc>, Uuid)>,
    inclusive_at: bool,
    limit: u64,
) -> DbResult<Rows<interactions::Model>> {
    use interactions::Column;
    let mut query = interactions::Entity::find().filter(visible(scope));
    if let Some(c) = filter.customer_id {
        query = query.filter(Column::CustomerId.eq(c));
    }
    if let Some(u) = filter.user_id {
        query = query.filter(Column::UserId.eq(u));
    }
    if let Some(ch) = filter.channel {
        query = query.filter(Column::Channel.eq(ch));
    }
    if let Some(from) = filter.from {
        query = query.filter(Column::OccurredAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(Column::OccurredAt.lt(to));
    }
    if let Some((at, id)) = before {
        query = query.filter(super::page::before(
            Column::OccurredAt,
            Column::Id,
            at,
            id,
            inclusive_at,
        ));
    }
    let query = query
        .order_by_desc(Column::OccurredAt)
        .order_by_desc(Column::Id);
    super::page::fetch(db, query, limit).await
}

async fn latest<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    direction: Option<&str>,
) -> DbResult<Option<DateTime<Utc>>> {
    let mut query =
        interactions::Entity::find().filter(interactions::Column::CustomerId.eq(customer_id));
    if let Some(d) = direction {
        query = query.filter(interactions::Column::Direction.eq(d));
    }
    // The newest row rather than MAX(): the column decodes as a timestamp on every database.
    Ok(query
        .order_by_desc(interactions::Column::OccurredAt)
        .limit(1)
        .one(db)
        .await?
        .map(|m| m.occurred_at))
}

/// Recomputes the customer's contact times from their interactions, so a back-dated
/// interaction never moves them backwards and deleting the newest moves them back.
pub async fn refresh_contact_times<C: ConnectionTrait>(db: &C, customer_id: Uuid) -> DbResult<()> {
    let last = latest(db, customer_id, None).await?;
    let inbound = latest(db, customer_id, Some("inbound")).await?;
    let outbound = latest(db, customer_id, Some("outbound")).await?;
    customers::Entity::update_many()
        .col_expr(customers::Column::LastContactedAt, Expr::value(last))
        .col_expr(customers::Column::LastInboundAt, Expr::value(inbound))
        .col_expr(customers::Column::LastOutboundAt, Expr::value(outbound))
        .filter(customers::Column::Id.eq(customer_id))
        .exec(db)
        .await?;
    Ok(())
}
