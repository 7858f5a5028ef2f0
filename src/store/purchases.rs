//! Purchase queries, and the value figures they determine.

use chrono::{DateTime, Utc};
use entity::{customers, purchases};
use sea_orm::sea_query::{Alias, Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn find<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    id: Uuid,
) -> DbResult<Option<purchases::Model>> {
    purchases::Entity::find_by_id(id)
        .filter(purchases::Column::CustomerId.eq(customer_id))
        .one(db)
        .await
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: purchases::ActiveModel,
) -> DbResult<purchases::Model> {
    row.insert(db).await
}

pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<()> {
    purchases::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Newest first, before the `(occurred_at, id)` position.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    before: Option<(DateTime<Utc>, Uuid)>,
    inclusive_at: bool,
    limit: u64,
) -> DbResult<Rows<purchases::Model>> {
    use purchases::Column;
    let mut query = purchases::Entity::find().filter(Column::CustomerId.eq(customer_id));
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

/// Recomputes lifetime value, purchase count, last purchase and currency from the rows.
pub async fn refresh_value<C: ConnectionTrait>(db: &C, customer_id: Uuid) -> DbResult<()> {
    // SUM(bigint) is numeric on PostgreSQL; the cast keeps it a 64-bit integer everywhere.
    let (total, count): (Option<i64>, i64) = purchases::Entity::find()
        .select_only()
        .column_as(
            Expr::expr(Func::cast_as(
                Func::sum(Expr::col(purchases::Column::AmountMinor)),
                Alias::new("bigint"),
            )),
            "total",
        )
        .column_as(
            Expr::expr(Func::count(Expr::col(purchases::Column::Id))),
            "count",
        )
        .filter(purchases::Column::CustomerId.eq(customer_id))
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((None, 0));
    let newest = purchases::Entity::find()
        .filter(purchases::Column::CustomerId.eq(customer_id))
        .order_by_desc(purchases::Column::OccurredAt)
        .limit(1)
        .one(db)
        .await?;
    customers::Entity::update_many()
        .col_expr(
            customers::Column::LifetimeValueMinor,
            Expr::value(total.unwrap_or(0)),
        )
        .col_expr(
            customers::Column::PurchaseCount,
            Expr::value(i32::try_from(count).unwrap_or(i32::MAX)),
        )
        .col_expr(
            customers::Column::LastPurchaseAt,
            Expr::value(newest.as_ref().map(|p| p.occurred_at)),
        )
        .col_expr(
            customers::Column::LifetimeValueCurrency,
            Expr::value(newest.map(|p| p.currency)),
        )
        .filter(customers::Column::Id.eq(customer_id))
        .exec(db)
        .await?;
    Ok(())
}
