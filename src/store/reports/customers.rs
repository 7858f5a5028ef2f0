//! Counts over customers: who is neglected, who was lost.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::{Dialect, Period, counts, rows};
use crate::model::customer::CustomerStatus;
use crate::store::DbResult;

const ACTIVE: &str = CustomerStatus::Active.as_str();
const CHURNED: &str = CustomerStatus::Churned.as_str();

/// Live, active customers not contacted since `$1` (or never).
fn neglected() -> String {
    format!(
        "deleted_at IS NULL AND erased_at IS NULL AND merged_into IS NULL AND status = '{ACTIVE}' \
         AND (last_contacted_at IS NULL OR last_contacted_at < $1)"
    )
}

/// Active customers not contacted since `since` (or never), per tier.
pub async fn neglected_by_tier<C: ConnectionTrait>(
    db: &C,
    since: DateTime<Utc>,
) -> DbResult<Vec<(Option<String>, i64)>> {
    let sql = format!(
        "SELECT tier AS key, COUNT(*) AS n FROM customers WHERE {} GROUP BY tier ORDER BY n DESC",
        neglected()
    );
    counts(rows(db, &sql, vec![since.into()]).await?)
}

/// The same, per owner, most neglected first.
pub async fn neglected_by_owner<C: ConnectionTrait>(
    db: &C,
    since: DateTime<Utc>,
) -> DbResult<Vec<(Uuid, i64)>> {
    let sql = format!(
        "SELECT owner_id AS key, COUNT(*) AS n FROM customers WHERE {} \
         GROUP BY owner_id ORDER BY n DESC, owner_id",
        neglected()
    );
    rows(db, &sql, vec![since.into()])
        .await?
        .iter()
        .map(|r| Ok((r.try_get("", "key")?, r.try_get("", "n")?)))
        .collect()
}

/// What churned customers are grouped by.
#[derive(Clone, Copy)]
pub enum ChurnGroup {
    Reason,
    Tier,
    Month,
}

/// Losses in the period, per reason (null when none was given), tier at the time or month
/// (`YYYY-MM`, UTC), at most `limit` groups, largest first (months in order). A loss is
/// counted where it happened: a customer still churned at its `churned_at` (which a late
/// correction moves), one since won back at its entry in the history, so that winning a
/// customer back never changes a past period's figures.
pub async fn churned_by<C: ConnectionTrait>(
    db: &C,
    period: Period,
    group: ChurnGroup,
    limit: u64,
) -> DbResult<Vec<(Option<String>, i64)>> {
    let mut values = Vec::new();
    let when = period.condition("x.lost_at", &mut values);
    let (key, order) = match group {
        ChurnGroup::Reason => ("x.reason".to_string(), "n DESC, key"),
        ChurnGroup::Tier => ("x.tier".to_string(), "n DESC, key"),
        ChurnGroup::Month => (Dialect::of(db).month("x.lost_at"), "key"),
    };
    let sql = format!(
        "SELECT {key} AS key, COUNT(*) AS n FROM ( \
           SELECT c.churned_at AS lost_at, c.churn_reason AS reason, c.tier AS tier \
             FROM customers c WHERE c.deleted_at IS NULL AND c.merged_into IS NULL \
              AND c.status = '{CHURNED}' \
           UNION ALL \
           SELECT h.at, h.reason, COALESCE(( \
               SELECT t.to_value FROM customer_history t \
                WHERE t.customer_id = h.customer_id AND t.field = 'tier' AND t.at <= h.at \
                ORDER BY t.at DESC, t.id DESC LIMIT 1), c.tier) \
             FROM customer_history h JOIN customers c ON c.id = h.customer_id \
            WHERE c.deleted_at IS NULL AND h.field = 'status' AND h.to_value = '{CHURNED}' \
              AND EXISTS (SELECT 1 FROM customer_history r \
                WHERE r.customer_id = h.customer_id AND r.field = 'status' \
                  AND r.from_value = '{CHURNED}' AND r.at > h.at) \
         ) x WHERE {when} \
         GROUP BY {key} ORDER BY {order} LIMIT {limit}"
    );
    counts(rows(db, &sql, values).await?)
}
