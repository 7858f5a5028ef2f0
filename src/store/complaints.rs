//! Complaint rows, their history, the SLA policies, and the customer figure they determine.

use chrono::{DateTime, Utc};
use entity::{complaint_events, complaints, sla_policies};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::complaint::ComplaintStatus;
use crate::model::role::CustomerScope;
use crate::model::sort::ComplaintSort;

/// The states counted as open (not yet repaired).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    row: complaints::ActiveModel,
) -> DbResult<complaints::Model> {
    row.insert(db).await
}

/// Complaints that missed a deadline at `now`: answered or resolved after it, or still
/// unanswered or unresolved past it. While waiting on the customer the clock shows the
/// moment it stopped (`waiting_since`).
pub fn breached(now: DateTime<Utc>) -> Condition {
    use complaints::Column as C;
    let late = |done: C, due: C| {
        Condition::any()
            .add(
                Condition::all()
                    .add(done.is_not_null())
                    .add(Expr::col(done).gt(Expr::col(due))),
            )
            .add(
                Condition::all()
                    .add(done.is_null())
                    .add(C::WaitingSince.is_null())
                    .add(due.lt(now)),
            )
            .add(
                Condition::all()
                    .add(done.is_null())
                    .add(C::WaitingSince.is_not_null())
                    .add(Expr::col(C::WaitingSince).gt(Expr::col(due))),
            )
    };
    Condition::any()
        .add(late(C::FirstRespondedAt, C::FirstResponseDueAt))
        .add(late(C::ResolvedAt, C::ResolutionDueAt))
}

#[derive(Default)]
pub struct ComplaintFilter {
    pub customer_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub status: Option<&'static str>,
    pub kind: Option<&'static str>,
    pub category: Option<&'static str>,
    pub severity: Option<&'static str>,
    /// With the instant "now" it is judged at.
    pub breached: Option<(bool, DateTime<Utc>)>,
    pub received_from: Option<DateTime<Utc>>,
    pub received_to: Option<DateTime<Utc>>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    f: &ComplaintFilter,
    order: ComplaintSort,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: u64,
) -> DbResult<Rows<complaints::Model>> {
    use complaints::Column;
    let mut query = complaints::Entity::find().filter(super::scope::records_of(
        complaints::Column::CustomerId,
        scope,
    ));
    if let Some(v) = f.customer_id {
        query = query.filter(Column::CustomerId.eq(v));
    }
    if let Some(v) = f.assignee_id {
        query = query.filter(Column::AssigneeId.eq(v));
    }
    if let Some(v) = f.status {
        query = query.filter(Column::Status.eq(v));
    }
    if let Some(v) = f.kind {
        query = query.filter(Column::Kind.eq(v));
    }
    if let Some(v) = f.category {
        query = query.filter(Column::Category.eq(v));
    }
    if let Some(v) = f.severity {
        query = query.filter(Column::Severity.eq(v));
    }
    if let Some((yes, now)) = f.breached {
        query = query.filter(if yes {
            breached(now)
        } else {
            breached(now).not()
        });
    }
    if let Some(v) = f.received_from {
        query = query.filter(Column::ReceivedAt.gte(v));
    }
    if let Some(v) = f.received_to {
        query = query.filter(Column::ReceivedAt.lt(v));
    }
    let query = match order {
        ComplaintSort::ReceivedDesc => {
            if let Some((at, id)) = after {
                query = query.filter(super::page::before(
                    Column::ReceivedAt,
                    Column::Id,
                    at,
                    id,
                    false,
                ));
            }
            query
                .order_by_desc(Column::ReceivedAt)
                .order_by_desc(Column::Id)
        }
        ComplaintSort::ReceivedAsc | ComplaintSort::ResolutionDueAsc => {
            let at_col = match order {
                ComplaintSort::ReceivedAsc => Column::ReceivedAt,
                _ => Column::ResolutionDueAt,
            };
            if let Some((at, id)) = after {
                query = query.filter(super::page::after(at_col, Column::Id, at, id));
            }
            query.order_by_asc(at_col).order_by_asc(Column::Id)
        }
    };
    super::page::fetch(db, query, limit).await
}

/// The complaints held by `assignee` (of one customer, or all) that are not closed: open
/// ones, and resolved ones whose follow-up may still reopen them. A hand-off moves them.
pub async fn unclosed_held_by<C: ConnectionTrait>(
    db: &C,
    customer_id: Option<Uuid>,
    assignee: Uuid,
) -> DbResult<Vec<complaints::Model>> {
    let mut query = complaints::Entity::find()
        .filter(complaints::Column::AssigneeId.eq(assignee))
        .filter(complaints::Column::Status.ne(ComplaintStatus::Closed.as_str()));
    if let Some(customer) = customer_id {
        query = query.filter(complaints::Column::CustomerId.eq(customer));
    }
    query.order_by_asc(complaints::Column::Id).all(db).await
}

/// Gives the complaints `ids` to `to`, bumping their versions.
pub async fn reassign<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
    to: Uuid,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(complaints::Entity::update_many()
        .col_expr(complaints::Column::AssigneeId, Expr::value(to))
        .col_expr(
            complaints::Column::Version,
            Expr::col(complaints::Column::Version).add(1),
        )
        .col_expr(complaints::Column::UpdatedAt, Expr::value(now))
        .filter(complaints::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?
        .rows_affected)
}

/// Complaints with an escalation due at `now`, the most overdue first (an index range).
pub async fn due_for_escalation<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
    limit: u64,
) -> DbResult<Vec<Uuid>> {
    complaints::Entity::find()
        .select_only()
        .column(complaints::Column::Id)
        .filter(complaints::Column::NextEscalationAt.lte(now))
        .order_by_asc(complaints::Column::NextEscalationAt)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await
}

/// A customer's complaints by receipt, newest first (`page::newest_of_customer`).
pub const BY_RECEIPT: super::page::Newest<complaints::Entity> = super::page::Newest {
    customer: complaints::Column::CustomerId,
    at: complaints::Column::ReceivedAt,
    id: complaints::Column::Id,
};

pub async fn insert_event<C: ConnectionTrait>(
    db: &C,
    row: complaint_events::ActiveModel,
) -> DbResult<complaint_events::Model> {
    row.insert(db).await
}

pub async fn insert_events<C: ConnectionTrait>(
    db: &C,
    rows: Vec<complaint_events::ActiveModel>,
) -> DbResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    complaint_events::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A complaint's history, oldest first, after the `(at, id)` position.
pub async fn events<C: ConnectionTrait>(
    db: &C,
    complaint_id: Uuid,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: u64,
) -> DbResult<Rows<complaint_events::Model>> {
    use complaint_events::Column;
    let mut query = complaint_events::Entity::find().filter(Column::ComplaintId.eq(complaint_id));
    if let Some((at, id)) = after {
        query = query.filter(super::page::after(Column::At, Column::Id, at, id));
    }
    let query = query.order_by_asc(Column::At).order_by_asc(Column::Id);
    super::page::fetch(db, query, limit).await
}

pub async fn policies<C: ConnectionTrait>(db: &C) -> DbResult<Vec<sla_policies::Model>> {
    sla_policies::Entity::find().all(db).await
}

pub async fn policy<C: ConnectionTrait>(
    db: &C,
    severity: &str,
) -> DbResult<Option<sla_policies::Model>> {
    sla_policies::Entity::find_by_id(severity.to_string())
        .one(db)
        .await
}

/// Writes a policy if it is still at `expected_version`; true when written.
pub async fn update_policy_if_version<C: ConnectionTrait>(
    db: &C,
    severity: &str,
    expected_version: i32,
    row: sla_policies::ActiveModel,
) -> DbResult<bool> {
    let result = sla_policies::Entity::update_many()
        .set(row)
        .filter(sla_policies::Column::Severity.eq(severity))
        .filter(sla_policies::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
