//! Counts over the work done for customers: complaints and their deadlines, touchpoints and
//! whether they happened on time.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Value};
use uuid::Uuid;

use super::{Dialect, Period, counts, row, rows};
use crate::model::touchpoint::Status;
use crate::store::DbResult;

const DONE: &str = Status::Done.as_str();
const SKIPPED: &str = Status::Skipped.as_str();
const CANCELLED: &str = Status::Cancelled.as_str();
const SCHEDULED: &str = Status::Scheduled.as_str();
const OF_VISIBLE: &str = "JOIN customers cu ON cu.id = x.customer_id AND cu.deleted_at IS NULL";

/// Complaints received in the period, per value of `column` (`status`, `category`,
/// `severity` or `kind`).
pub async fn complaints_by<C: ConnectionTrait>(
    db: &C,
    period: Period,
    column: &'static str,
) -> DbResult<Vec<(Option<String>, i64)>> {
    let mut values = Vec::new();
    let when = period.condition("x.received_at", &mut values);
    let sql = format!(
        "SELECT x.{column} AS key, COUNT(*) AS n FROM complaints x {OF_VISIBLE} \
         WHERE {when} GROUP BY x.{column} ORDER BY n DESC, key"
    );
    counts(rows(db, &sql, values).await?)
}

/// Deadline keeping and outcomes of the complaints received in the period.
#[derive(Debug, Default)]
pub struct ComplaintFigures {
    pub total: i64,
    /// Answered, or unanswered past the deadline.
    pub response_due: i64,
    pub response_on_time: i64,
    /// Resolved, or unresolved past the deadline (the clock stopped while waiting).
    pub resolution_due: i64,
    pub resolution_on_time: i64,
    pub resolved: i64,
    pub rated: i64,
    pub satisfaction_average: Option<f64>,
}

pub async fn complaint_figures<C: ConnectionTrait>(
    db: &C,
    period: Period,
    now: DateTime<Utc>,
) -> DbResult<ComplaintFigures> {
    let dialect = Dialect::of(db);
    let mut values = Vec::new();
    let when = period.condition("x.received_at", &mut values);
    values.push(now.into());
    let now_at = values.len();
    let count = |condition: &str| format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");
    let sql = format!(
        "SELECT COUNT(*) AS total, \
           {} AS response_due, {} AS response_on_time, \
           {} AS resolution_due, {} AS resolution_on_time, {} AS resolved, \
           COUNT(x.satisfaction_after) AS rated, {} AS satisfaction \
         FROM complaints x {OF_VISIBLE} WHERE {when}",
        count(&format!(
            "x.first_responded_at IS NOT NULL OR x.first_response_due_at < ${now_at}"
        )),
        count(
            "x.first_responded_at IS NOT NULL AND x.first_responded_at <= x.first_response_due_at"
        ),
        count(&format!(
            "x.resolved_at IS NOT NULL \
             OR (x.waiting_since IS NULL AND x.resolution_due_at < ${now_at}) \
             OR (x.waiting_since IS NOT NULL AND x.waiting_since > x.resolution_due_at)"
        )),
        count("x.resolved_at IS NOT NULL AND x.resolved_at <= x.resolution_due_at"),
        count("x.resolved_at IS NOT NULL"),
        dialect.float("AVG(x.satisfaction_after)"),
    );
    let Some(r) = row(db, &sql, values).await? else {
        return Ok(ComplaintFigures::default());
    };
    let n = |col: &str| -> DbResult<i64> { Ok(r.try_get::<Option<i64>>("", col)?.unwrap_or(0)) };
    Ok(ComplaintFigures {
        total: n("total")?,
        response_due: n("response_due")?,
        response_on_time: n("response_on_time")?,
        resolution_due: n("resolution_due")?,
        resolution_on_time: n("resolution_on_time")?,
        resolved: n("resolved")?,
        rated: n("rated")?,
        satisfaction_average: r.try_get("", "satisfaction")?,
    })
}

/// The `rank`th shortest time from receipt to resolution (1-based), in seconds, among the
/// complaints received in the period and resolved.
pub async fn resolution_seconds_at_rank<C: ConnectionTrait>(
    db: &C,
    period: Period,
    rank: i64,
) -> DbResult<Option<i64>> {
    let seconds = Dialect::of(db).seconds_between("x.received_at", "x.resolved_at");
    let mut values = Vec::new();
    let when = period.condition("x.received_at", &mut values);
    values.push((rank - 1).max(0).into());
    let sql = format!(
        "SELECT {seconds} AS s FROM complaints x {OF_VISIBLE} \
         WHERE x.resolved_at IS NOT NULL AND {when} ORDER BY s LIMIT 1 OFFSET ${}",
        values.len()
    );
    Ok(match row(db, &sql, values).await? {
        Some(r) => r.try_get("", "s")?,
        None => None,
    })
}

/// One owner's touchpoints due in a period.
#[derive(Debug)]
pub struct OwnerTouchpoints {
    pub owner_id: Uuid,
    pub total: i64,
    pub completed: i64,
    pub on_time: i64,
    pub skipped: i64,
    pub cancelled: i64,
    pub overdue: i64,
    pub upcoming: i64,
}

/// Touchpoints due in the period per assignee. Completed on time means by the end of the
/// day after it fell due (`grace_days` after `due_at`).
pub async fn touchpoints_by_owner<C: ConnectionTrait>(
    db: &C,
    period: Period,
    now: DateTime<Utc>,
    grace_days: i64,
) -> DbResult<Vec<OwnerTouchpoints>> {
    let dialect = Dialect::of(db);
    let mut values: Vec<Value> = Vec::new();
    let when = period.condition("x.due_at", &mut values);
    values.push(now.into());
    let now_at = values.len();
    let count = |condition: String| format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");
    let sql = format!(
        "SELECT x.assignee_id AS owner, COUNT(*) AS total, {} AS completed, {} AS on_time, \
           {} AS skipped, {} AS cancelled, {} AS overdue, {} AS upcoming \
         FROM touchpoints x {OF_VISIBLE} WHERE {when} \
         GROUP BY x.assignee_id ORDER BY total DESC, owner",
        count(format!("x.status = '{DONE}'")),
        count(format!(
            "x.status = '{DONE}' AND {} <= {}",
            dialect.instant("x.completed_at"),
            dialect.plus_days("x.due_at", grace_days)
        )),
        count(format!("x.status = '{SKIPPED}'")),
        count(format!("x.status = '{CANCELLED}'")),
        count(format!("x.status = '{SCHEDULED}' AND x.due_at < ${now_at}")),
        count(format!(
            "x.status = '{SCHEDULED}' AND x.due_at >= ${now_at}"
        )),
    );
    rows(db, &sql, values)
        .await?
        .iter()
        .map(|r| {
            let n = |col: &str| -> DbResult<i64> {
                Ok(r.try_get::<Option<i64>>("", col)?.unwrap_or(0))
            };
            Ok(OwnerTouchpoints {
                owner_id: r.try_get("", "owner")?,
                total: n("total")?,
                completed: n("completed")?,
                on_time: n("on_time")?,
                skipped: n("skipped")?,
                cancelled: n("cancelled")?,
                overdue: n("overdue")?,
                upcoming: n("upcoming")?,
            })
        })
        .collect()
}
