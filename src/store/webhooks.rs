//! Webhook endpoints, their deliveries and the log of attempts.
//!
//! Claiming: a worker takes due deliveries of one endpoint with `FOR UPDATE SKIP LOCKED` and
//! marks them leased to itself for a while, in a short transaction of its own, then sends
//! outside any transaction. A delivery is due only when no earlier delivery of the same
//! endpoint and customer is still pending (leased or not), so one customer's events reach a
//! receiver in feed order, while other customers' go in parallel. Two workers never hold the
//! same delivery: the row lock separates their claims, and the lease their sends. An outcome
//! is written only by the lease holder (`lease_id`), so a worker whose lease ran out (it
//! stalled) cannot overwrite the outcome of the one that took over.

use chrono::{DateTime, Utc};
use entity::{webhook_attempts, webhook_deliveries, webhooks};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: webhooks::ActiveModel,
) -> DbResult<webhooks::Model> {
    row.insert(db).await
}

pub async fn find<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<webhooks::Model>> {
    webhooks::Entity::find_by_id(id).one(db).await
}

/// Oldest first (ids are time-ordered), after `after`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<webhooks::Model>> {
    let mut query = webhooks::Entity::find();
    if let Some(after) = after {
        query = query.filter(webhooks::Column::Id.gt(after));
    }
    super::page::fetch(db, query.order_by_asc(webhooks::Column::Id), limit).await
}

/// Removes the endpoint with its deliveries and their attempts.
pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<()> {
    webhook_attempts::Entity::delete_many()
        .filter(webhook_attempts::Column::WebhookId.eq(id))
        .exec(db)
        .await?;
    webhook_deliveries::Entity::delete_many()
        .filter(webhook_deliveries::Column::WebhookId.eq(id))
        .exec(db)
        .await?;
    webhooks::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// The active endpoints.
pub async fn active<C: ConnectionTrait>(db: &C) -> DbResult<Vec<webhooks::Model>> {
    webhooks::Entity::find()
        .filter(webhooks::Column::Active.eq(true))
        .order_by_asc(webhooks::Column::Id)
        .all(db)
        .await
}

/// The active endpoints no other worker is turning events into deliveries for, locked
/// until the transaction ends.
pub async fn lock_active_for_fan_out<C: ConnectionTrait>(tx: &C) -> DbResult<Vec<webhooks::Model>> {
    webhooks::Entity::find()
        .filter(webhooks::Column::Active.eq(true))
        .order_by_asc(webhooks::Column::Id)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .all(tx)
        .await
}

pub async fn move_cursor<C: ConnectionTrait>(
    tx: &C,
    id: Uuid,
    (cursor_tx, cursor_seq): (i64, i64),
) -> DbResult<()> {
    webhooks::Entity::update_many()
        .col_expr(webhooks::Column::CursorTx, Expr::value(cursor_tx))
        .col_expr(webhooks::Column::CursorSeq, Expr::value(cursor_seq))
        .filter(webhooks::Column::Id.eq(id))
        .exec(tx)
        .await?;
    Ok(())
}

/// Adds deliveries; one already made for the same event and endpoint is kept as it is.
pub async fn add_deliveries<C: ConnectionTrait>(
    tx: &C,
    rows: Vec<webhook_deliveries::ActiveModel>,
) -> DbResult<()> {
    for chunk in rows.chunks(500) {
        webhook_deliveries::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([
                webhook_deliveries::Column::WebhookId,
                webhook_deliveries::Column::EventId,
            ])
            .exec(tx)
            .await?;
    }
    Ok(())
}

/// No earlier delivery of the same endpoint and customer is still pending.
const FIRST_IN_LINE: &str = "NOT EXISTS (SELECT 1 FROM webhook_deliveries e \
    WHERE e.webhook_id = webhook_deliveries.webhook_id \
    AND e.customer_id = webhook_deliveries.customer_id AND e.state = 'pending' \
    AND (e.event_tx, e.event_seq) < (webhook_deliveries.event_tx, webhook_deliveries.event_seq))";

/// Leases up to `limit` due deliveries of the endpoint to `lease` until `until`, those due
/// longest first; the endpoint must be active. Run in a write transaction.
pub async fn claim<C: ConnectionTrait>(
    tx: &C,
    webhook: Uuid,
    limit: u64,
    lease: Uuid,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> DbResult<Vec<webhook_deliveries::Model>> {
    use webhook_deliveries::Column as D;
    let mut query = webhook_deliveries::Entity::find()
        .filter(D::WebhookId.eq(webhook))
        .filter(D::State.eq("pending"))
        .filter(D::NextAttemptAt.lte(now))
        .filter(
            Condition::any()
                .add(D::LeaseUntil.is_null())
                .add(D::LeaseUntil.lt(now)),
        )
        .filter(Expr::cust(FIRST_IN_LINE))
        .filter(
            D::WebhookId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(webhooks::Column::Id)
                    .from(webhooks::Entity)
                    .and_where(webhooks::Column::Id.eq(webhook))
                    .and_where(webhooks::Column::Active.eq(true))
                    .to_owned(),
            ),
        )
        // The due index's order: no sort, and the scan stops at `limit`.
        .order_by_asc(D::NextAttemptAt)
        .limit(limit);
    if tx.get_database_backend() == DbBackend::Postgres {
        query = query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let mut rows = query.all(tx).await?;
    if rows.is_empty() {
        return Ok(rows);
    }
    webhook_deliveries::Entity::update_many()
        .col_expr(D::LeaseId, Expr::value(lease))
        .col_expr(D::LeaseUntil, Expr::value(until))
        .filter(D::Id.is_in(rows.iter().map(|r| r.id)))
        .exec(tx)
        .await?;
    for row in &mut rows {
        row.lease_id = Some(lease);
        row.lease_until = Some(until);
    }
    Ok(rows)
}

/// The deliveries of the customer that wait behind `position` are due no sooner than `at`,
/// when the one before them is tried next.
pub async fn hold_back<C: ConnectionTrait>(
    tx: &C,
    webhook: Uuid,
    customer: Uuid,
    (event_tx, event_seq): (i64, i64),
    at: DateTime<Utc>,
) -> DbResult<()> {
    use webhook_deliveries::Column as D;
    webhook_deliveries::Entity::update_many()
        .col_expr(D::NextAttemptAt, Expr::value(at))
        .filter(D::WebhookId.eq(webhook))
        .filter(D::CustomerId.eq(customer))
        .filter(D::State.eq("pending"))
        .filter(
            Condition::any().add(D::EventTx.gt(event_tx)).add(
                Condition::all()
                    .add(D::EventTx.eq(event_tx))
                    .add(D::EventSeq.gt(event_seq)),
            ),
        )
        .filter(D::NextAttemptAt.lt(at))
        .exec(tx)
        .await?;
    Ok(())
}

/// For each of the customers with a delivery of the endpoint pending, the latest instant
/// one is due: a new delivery for the customer waits at least that long.
pub async fn pending_until<C: ConnectionTrait>(
    tx: &C,
    webhook: Uuid,
    customers: Vec<Uuid>,
) -> DbResult<Vec<(Uuid, DateTime<Utc>)>> {
    use webhook_deliveries::Column as D;
    if customers.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Option<Uuid>, Option<DateTime<Utc>>)> = webhook_deliveries::Entity::find()
        .select_only()
        .column(D::CustomerId)
        .column_as(D::NextAttemptAt.max(), "until")
        .filter(D::WebhookId.eq(webhook))
        .filter(D::CustomerId.is_in(customers))
        .filter(D::State.eq("pending"))
        .group_by(D::CustomerId)
        .into_tuple()
        .all(tx)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(c, at)| Some((c?, at?)))
        .collect())
}

/// Writes the outcome of a try, if `lease` still holds the delivery; false when it does not.
pub async fn settle<C: ConnectionTrait>(
    tx: &C,
    delivery: Uuid,
    lease: Uuid,
    outcome: webhook_deliveries::ActiveModel,
) -> DbResult<bool> {
    let result = webhook_deliveries::Entity::update_many()
        .set(outcome)
        .filter(webhook_deliveries::Column::Id.eq(delivery))
        .filter(webhook_deliveries::Column::LeaseId.eq(lease))
        .exec(tx)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn log_attempt<C: ConnectionTrait>(
    tx: &C,
    row: webhook_attempts::ActiveModel,
) -> DbResult<()> {
    webhook_attempts::Entity::insert(row)
        .exec_without_returning(tx)
        .await?;
    Ok(())
}

/// The endpoint answered: it is no longer failing.
pub async fn note_success<C: ConnectionTrait>(tx: &C, webhook: Uuid) -> DbResult<()> {
    webhooks::Entity::update_many()
        .col_expr(
            webhooks::Column::FailingSince,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(webhooks::Column::Id.eq(webhook))
        .filter(webhooks::Column::FailingSince.is_not_null())
        .exec(tx)
        .await?;
    Ok(())
}

/// The endpoint failed at `now`: it has been failing since then unless it already was, and
/// it is turned off with `reason` once it has failed since before `disable_before`. True
/// when this turned it off.
pub async fn note_failure<C: ConnectionTrait>(
    tx: &C,
    webhook: Uuid,
    now: DateTime<Utc>,
    disable_before: DateTime<Utc>,
    reason: &str,
) -> DbResult<bool> {
    webhooks::Entity::update_many()
        .col_expr(webhooks::Column::FailingSince, Expr::value(now))
        .filter(webhooks::Column::Id.eq(webhook))
        .filter(webhooks::Column::FailingSince.is_null())
        .exec(tx)
        .await?;
    let disabled = webhooks::Entity::update_many()
        .col_expr(webhooks::Column::Active, Expr::value(false))
        .col_expr(webhooks::Column::DisabledReason, Expr::value(reason))
        .col_expr(
            webhooks::Column::Version,
            Expr::col(webhooks::Column::Version).add(1),
        )
        .col_expr(webhooks::Column::UpdatedAt, Expr::value(now))
        .filter(webhooks::Column::Id.eq(webhook))
        .filter(webhooks::Column::Active.eq(true))
        .filter(webhooks::Column::FailingSince.lte(disable_before))
        .exec(tx)
        .await?;
    Ok(disabled.rows_affected == 1)
}

pub async fn delivery<C: ConnectionTrait>(
    db: &C,
    webhook: Uuid,
    id: Uuid,
) -> DbResult<Option<webhook_deliveries::Model>> {
    webhook_deliveries::Entity::find()
        .filter(webhook_deliveries::Column::WebhookId.eq(webhook))
        .filter(webhook_deliveries::Column::Id.eq(id))
        .one(db)
        .await
}

/// What a delivery list asks for.
pub struct DeliveryFilter {
    pub state: Option<&'static str>,
    pub event_id: Option<Uuid>,
}

/// Newest first, before `before`.
pub async fn deliveries<C: ConnectionTrait>(
    db: &C,
    webhook: Uuid,
    filter: DeliveryFilter,
    before: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<webhook_deliveries::Model>> {
    let mut query = webhook_deliveries::Entity::find()
        .filter(webhook_deliveries::Column::WebhookId.eq(webhook));
    if let Some(state) = filter.state {
        query = query.filter(webhook_deliveries::Column::State.eq(state));
    }
    if let Some(event) = filter.event_id {
        query = query.filter(webhook_deliveries::Column::EventId.eq(event));
    }
    if let Some(before) = before {
        query = query.filter(webhook_deliveries::Column::Id.lt(before));
    }
    super::page::fetch(
        db,
        query.order_by_desc(webhook_deliveries::Column::Id),
        limit,
    )
    .await
}

/// The attempts of the deliveries, oldest first.
pub async fn attempts_of<C: ConnectionTrait>(
    db: &C,
    deliveries: &[Uuid],
) -> DbResult<Vec<webhook_attempts::Model>> {
    if deliveries.is_empty() {
        return Ok(Vec::new());
    }
    webhook_attempts::Entity::find()
        .filter(webhook_attempts::Column::DeliveryId.is_in(deliveries.iter().copied()))
        .order_by_asc(webhook_attempts::Column::DeliveryId)
        .order_by_asc(webhook_attempts::Column::Number)
        .all(db)
        .await
}

/// Makes the delivery pending again, due at `now`, given up after `give_up_at`.
pub async fn requeue<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    now: DateTime<Utc>,
    give_up_at: DateTime<Utc>,
) -> DbResult<()> {
    webhook_deliveries::Entity::update_many()
        .set(webhook_deliveries::ActiveModel {
            state: Set("pending".into()),
            next_attempt_at: Set(now),
            give_up_at: Set(give_up_at),
            lease_id: Set(None),
            lease_until: Set(None),
            ..Default::default()
        })
        .filter(webhook_deliveries::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn add_delivery<C: ConnectionTrait>(
    db: &C,
    row: webhook_deliveries::ActiveModel,
) -> DbResult<webhook_deliveries::Model> {
    row.insert(db).await
}

/// Forgets settled deliveries made before `before` with their attempts, at most `limit`;
/// returns how many.
pub async fn forget_settled_before<C: ConnectionTrait>(
    db: &C,
    before: DateTime<Utc>,
    limit: u64,
) -> DbResult<u64> {
    let ids: Vec<Uuid> = webhook_deliveries::Entity::find()
        .select_only()
        .column(webhook_deliveries::Column::Id)
        .filter(webhook_deliveries::Column::CreatedAt.lt(before))
        .filter(webhook_deliveries::Column::State.ne("pending"))
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(0);
    }
    webhook_attempts::Entity::delete_many()
        .filter(webhook_attempts::Column::DeliveryId.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    let result = webhook_deliveries::Entity::delete_many()
        .filter(webhook_deliveries::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Replaces the `data` of every delivery body about `customer` with `{"erased": true}`,
/// keeping the event's envelope (id, type, times); returns how many bodies changed.
pub async fn erase_bodies<C: ConnectionTrait>(db: &C, customer: Uuid) -> DbResult<u64> {
    let rows: Vec<(Uuid, String)> = webhook_deliveries::Entity::find()
        .select_only()
        .column(webhook_deliveries::Column::Id)
        .column(webhook_deliveries::Column::Body)
        .filter(webhook_deliveries::Column::CustomerId.eq(customer))
        .order_by_asc(webhook_deliveries::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut changed = 0;
    for (id, body) in rows {
        let mut event = match serde_json::from_str::<serde_json::Value>(&body) {
            Ok(serde_json::Value::Object(event)) => event,
            _ => serde_json::Map::new(),
        };
        event.insert("data".into(), serde_json::json!({"erased": true}));
        changed += webhook_deliveries::Entity::update_many()
            .col_expr(
                webhook_deliveries::Column::Body,
                Expr::value(serde_json::Value::Object(event).to_string()),
            )
            .filter(webhook_deliveries::Column::Id.eq(id))
            .exec(db)
            .await?
            .rows_affected;
    }
    Ok(changed)
}
