//! The figures a customer row keeps derived from its records: open complaints, contact
//! times, lifetime value and purchases, the next touchpoint due. All are recomputed from the
//! rows in one statement (call with the customers locked, see "Check-then-write"), never read,
//! adjusted and written back; the customer's version does not move.

use entity::{complaints, customers, interactions, purchases, touchpoints};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Order, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::DbResult;
use crate::model::complaint::ComplaintStatus;
use crate::model::interaction::Direction;
use crate::model::touchpoint::Status;

/// Recomputes every derived figure of the customers `ids`.
pub async fn refresh<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> DbResult<()> {
    for chunk in ids.chunks(1000) {
        customers::Entity::update_many()
            .col_expr(customers::Column::OpenComplaints, open_complaints())
            .col_expr(customers::Column::LastContactedAt, latest_contact(None))
            .col_expr(
                customers::Column::LastInboundAt,
                latest_contact(Some(Direction::Inbound)),
            )
            .col_expr(
                customers::Column::LastOutboundAt,
                latest_contact(Some(Direction::Outbound)),
            )
            .col_expr(customers::Column::LifetimeValueMinor, lifetime_value())
            .col_expr(customers::Column::PurchaseCount, purchase_count())
            .col_expr(
                customers::Column::LastPurchaseAt,
                newest_purchase(purchases::Column::OccurredAt),
            )
            .col_expr(
                customers::Column::LifetimeValueCurrency,
                newest_purchase(purchases::Column::Currency),
            )
            .col_expr(customers::Column::NextTouchpointDueAt, next_touchpoint())
            .filter(customers::Column::Id.is_in(chunk.iter().copied()))
            .exec(db)
            .await?;
    }
    Ok(())
}

fn sub(query: SelectStatement) -> Expr {
    Expr::SubQuery(None, Box::new(query.into()))
}

/// The rows of `table` whose `customer_id` is the customer being updated.
fn of_customer<T: sea_orm::Iden + Copy + 'static, C: sea_orm::Iden + 'static>(
    table: T,
    column: C,
) -> Expr {
    Expr::col((table, column)).equals((customers::Entity, customers::Column::Id))
}

fn open_complaints() -> Expr {
    sub(Query::select()
        .expr(Expr::col((complaints::Entity, complaints::Column::Id)).count())
        .from(complaints::Entity)
        .and_where(of_customer(
            complaints::Entity,
            complaints::Column::CustomerId,
        ))
        .and_where(
            complaints::Column::Status.is_not_in(ComplaintStatus::REPAIRED.map(|s| s.as_str())),
        )
        .to_owned())
}

fn latest_contact(direction: Option<Direction>) -> Expr {
    let mut query = Query::select();
    query
        .column((interactions::Entity, interactions::Column::OccurredAt))
        .from(interactions::Entity)
        .and_where(of_customer(
            interactions::Entity,
            interactions::Column::CustomerId,
        ));
    if let Some(d) = direction {
        query.and_where(interactions::Column::Direction.eq(d.as_str()));
    }
    sub(query
        .order_by(interactions::Column::OccurredAt, Order::Desc)
        .limit(1)
        .to_owned())
}

fn lifetime_value() -> Expr {
    // SUM(bigint) is numeric on PostgreSQL; the cast keeps it a 64-bit integer everywhere.
    let total = Query::select()
        .expr(Func::cast_as(
            Func::sum(Expr::col((
                purchases::Entity,
                purchases::Column::AmountMinor,
            ))),
            Alias::new("bigint"),
        ))
        .from(purchases::Entity)
        .and_where(of_customer(
            purchases::Entity,
            purchases::Column::CustomerId,
        ))
        .to_owned();
    Func::coalesce([sub(total), Expr::value(0_i64)]).into()
}

fn purchase_count() -> Expr {
    sub(Query::select()
        .expr(Expr::col((purchases::Entity, purchases::Column::Id)).count())
        .from(purchases::Entity)
        .and_where(of_customer(
            purchases::Entity,
            purchases::Column::CustomerId,
        ))
        .to_owned())
}

/// A column of the customer's newest purchase.
fn newest_purchase(column: purchases::Column) -> Expr {
    sub(Query::select()
        .column((purchases::Entity, column))
        .from(purchases::Entity)
        .and_where(of_customer(
            purchases::Entity,
            purchases::Column::CustomerId,
        ))
        .order_by(purchases::Column::OccurredAt, Order::Desc)
        .order_by(purchases::Column::Id, Order::Desc)
        .limit(1)
        .to_owned())
}

fn next_touchpoint() -> Expr {
    sub(Query::select()
        .expr(Expr::col((touchpoints::Entity, touchpoints::Column::DueAt)).min())
        .from(touchpoints::Entity)
        .and_where(of_customer(
            touchpoints::Entity,
            touchpoints::Column::CustomerId,
        ))
        .and_where(touchpoints::Column::Status.eq(Status::Scheduled.as_str()))
        .to_owned())
}
