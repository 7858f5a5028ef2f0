//! Handing customers over inside a write: the customer row, the hand-off and history
//! entries, and the open work that moves with the customer (every record the registry marks
//! so, see [`super::records`]).

use chrono::{DateTime, Utc};
use entity::{customer_handoffs, customers};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use super::announce::announce;
use super::history::{self, Change};
use super::records;
use crate::model::error::DomainResult;
use crate::model::event::EventType;
use crate::model::role::ActorRef;
use crate::store;

/// Records a hand-off that has been written to the customer row.
#[tracing::instrument(skip_all, fields(customer.id = %customer_id))]
pub async fn record_handoff<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    from: Uuid,
    to: Uuid,
    by: ActorRef,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    store::history::insert_handoff(
        db,
        customer_handoffs::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(customer_id),
            from_owner_id: Set(from),
            to_owner_id: Set(to),
            by_user_id: Set(by.id),
            actor_type: Set(by.kind.as_str().into()),
            reason: Set(reason),
            at: Set(now),
        },
    )
    .await?;
    // Open work moves with the customer, in this transaction.
    records::hand_off(db, customer_id, from, to, by, now).await
}

/// Hands one customer to `to`, bumping its version.
pub async fn hand_over(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    to: Uuid,
    by: ActorRef,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    customers::Entity::update_many()
        .col_expr(customers::Column::OwnerId, Expr::value(to))
        .col_expr(
            customers::Column::Version,
            Expr::col(customers::Column::Version).add(1),
        )
        .col_expr(customers::Column::UpdatedAt, Expr::value(now))
        .filter(customers::Column::Id.eq(customer.id))
        .exec(tx)
        .await?;
    record_handoff(
        tx,
        customer.id,
        customer.owner_id,
        to,
        by,
        reason.clone(),
        now,
    )
    .await?;
    history::record(
        tx,
        customer.id,
        vec![Change {
            field: "owner",
            from: Some(customer.owner_id.to_string()),
            to: Some(to.to_string()),
            reason,
            at: None,
        }],
        Some(by),
        now,
    )
    .await?;
    announce(
        tx,
        Some(by),
        &[EventType::CustomerOwnerChanged],
        customer.id,
        now,
    )
    .await
}

/// Hands every customer of `from` to `to` (a user being deactivated). Returns how many.
#[tracing::instrument(skip_all)]
pub async fn hand_over_all(
    tx: &DatabaseTransaction,
    from: Uuid,
    to: Uuid,
    by: ActorRef,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let owned = customers::Entity::find()
        .filter(customers::Column::OwnerId.eq(from))
        .filter(crate::store::scope::live())
        .order_by_asc(customers::Column::Id)
        .lock_exclusive()
        .all(tx)
        .await?;
    for customer in &owned {
        hand_over(
            tx,
            customer,
            to,
            by,
            Some("previous owner deactivated".into()),
            now,
        )
        .await?;
    }
    Ok(owned.len())
}
