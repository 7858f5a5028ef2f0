//! Revenue figures from purchases: the Pareto ranking and the purchase evidence of tiers.

use sea_orm::{ConnectionTrait, QueryResult, Value};
use uuid::Uuid;

use super::{Dialect, Period, counts, row, rows};
use crate::model::customer::CustomerStatus;
use crate::store::DbResult;

const ACTIVE: &str = CustomerStatus::Active.as_str();

/// Purchases of visible customers in the period, per currency (`key`, `n`).
pub async fn currencies<C: ConnectionTrait>(
    db: &C,
    period: Period,
) -> DbResult<Vec<(Option<String>, i64)>> {
    let mut values = Vec::new();
    let when = period.condition("p.occurred_at", &mut values);
    let sql = format!(
        "SELECT p.currency AS key, COUNT(*) AS n FROM purchases p \
         JOIN customers c ON c.id = p.customer_id AND c.deleted_at IS NULL \
         WHERE {when} GROUP BY p.currency ORDER BY n DESC"
    );
    counts(rows(db, &sql, values).await?)
}

/// Revenue per customer in `currency` over the period, ranked (`rn`) with its running total
/// (`cum`), as common table expressions for the queries below.
fn ranked(period: Period, currency: &str, values: &mut Vec<Value>) -> String {
    values.push(currency.into());
    let currency_at = values.len();
    let when = period.condition("p.occurred_at", values);
    format!(
        "WITH revenue AS ( \
           SELECT p.customer_id AS id, SUM(p.amount_minor) AS rev FROM purchases p \
           JOIN customers c ON c.id = p.customer_id AND c.deleted_at IS NULL \
           WHERE p.currency = ${currency_at} AND {when} GROUP BY p.customer_id \
         ), ranked AS ( \
           SELECT id, rev, ROW_NUMBER() OVER (ORDER BY rev DESC, id) AS rn, \
             SUM(rev) OVER (ORDER BY rev DESC, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum \
           FROM revenue \
         )"
    )
}

/// How many customers bought in the period, and their revenue in all.
pub async fn totals<C: ConnectionTrait>(
    db: &C,
    period: Period,
    currency: &str,
) -> DbResult<(i64, i64)> {
    let mut values = Vec::new();
    let with = ranked(period, currency, &mut values);
    let sum = Dialect::of(db).sum("rev");
    let sql = format!("{with} SELECT COUNT(*) AS n, {sum} AS total FROM ranked");
    Ok(match row(db, &sql, values).await? {
        Some(r) => (r.try_get("", "n")?, r.try_get("", "total")?),
        None => (0, 0),
    })
}

/// The smallest number of top customers whose running total reaches `threshold`.
pub async fn rank_reaching<C: ConnectionTrait>(
    db: &C,
    period: Period,
    currency: &str,
    threshold: i64,
) -> DbResult<Option<i64>> {
    let mut values = Vec::new();
    let with = ranked(period, currency, &mut values);
    values.push(threshold.into());
    let sql = format!(
        "{with} SELECT MIN(rn) AS n FROM ranked WHERE cum >= ${}",
        values.len()
    );
    Ok(match row(db, &sql, values).await? {
        Some(r) => r.try_get::<Option<i64>>("", "n")?,
        None => None,
    })
}

/// One ranked customer.
pub struct Ranked {
    pub rank: i64,
    pub customer_id: Uuid,
    pub name: String,
    pub tier: String,
    pub revenue_minor: i64,
    pub cumulative_minor: i64,
}

fn ranked_row(r: &QueryResult) -> DbResult<Ranked> {
    Ok(Ranked {
        rank: r.try_get("", "rn")?,
        customer_id: r.try_get("", "id")?,
        name: r.try_get("", "name")?,
        tier: r.try_get("", "tier")?,
        revenue_minor: r.try_get("", "rev")?,
        cumulative_minor: r.try_get("", "cum")?,
    })
}

/// The customers ranked up to `top`, and those at the given ranks, in rank order.
pub async fn at_ranks<C: ConnectionTrait>(
    db: &C,
    period: Period,
    currency: &str,
    top: i64,
    ranks: &[i64],
) -> DbResult<Vec<Ranked>> {
    let mut values = Vec::new();
    let with = ranked(period, currency, &mut values);
    values.push(top.into());
    let mut at = vec![format!("r.rn <= ${}", values.len())];
    if !ranks.is_empty() {
        let mut list = Vec::with_capacity(ranks.len());
        for rank in ranks {
            values.push((*rank).into());
            list.push(format!("${}", values.len()));
        }
        at.push(format!("r.rn IN ({})", list.join(", ")));
    }
    let sql = format!(
        "{with} SELECT r.rn AS rn, r.id AS id, c.name AS name, c.tier AS tier, \
           CAST(r.rev AS BIGINT) AS rev, CAST(r.cum AS BIGINT) AS cum \
         FROM ranked r JOIN customers c ON c.id = r.id WHERE {} ORDER BY r.rn",
        at.join(" OR ")
    );
    rows(db, &sql, values)
        .await?
        .iter()
        .map(ranked_row)
        .collect()
}

/// What a customer's purchases over a year show, and the tier they fit.
pub struct TierEvidence {
    pub customer_id: Uuid,
    pub name: String,
    pub tier: String,
    pub suggested: String,
    pub purchases: i64,
    pub revenue_minor: i64,
    pub currency: Option<String>,
    pub active_months: i64,
    pub largest_minor: i64,
}

/// The rule, as the database applies it: `key` for purchases in at least `key_months`
/// distinct months, `important` for one purchase of at least `important_amount` or at
/// least `important_purchases` purchases, else `general`.
pub struct TierRule {
    pub key_months: i64,
    pub important_purchases: i64,
    pub important_amount_minor: i64,
}

/// Active customers whose purchases in the period fit another tier than theirs, by id, after
/// `after`.
pub async fn tier_mismatches<C: ConnectionTrait>(
    db: &C,
    period: Period,
    rule: &TierRule,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Vec<TierEvidence>> {
    let dialect = Dialect::of(db);
    let mut values = Vec::new();
    let when = period.condition("occurred_at", &mut values);
    let month = dialect.month("occurred_at");
    let revenue = dialect.sum("amount_minor");
    let mut param = |v: Value| {
        values.push(v);
        format!("${}", values.len())
    };
    let key_months = param(rule.key_months.into());
    let amount = param(rule.important_amount_minor.into());
    let frequency = param(rule.important_purchases.into());
    let mut sql = format!(
        "SELECT * FROM ( \
           SELECT c.id AS id, c.name AS name, c.tier AS tier, \
             COALESCE(a.purchases, 0) AS purchases, COALESCE(a.revenue, 0) AS revenue, \
             a.currency AS currency, COALESCE(a.months, 0) AS months, \
             COALESCE(a.largest, 0) AS largest, \
             CASE WHEN COALESCE(a.months, 0) >= {key_months} THEN 'key' \
                  WHEN COALESCE(a.largest, 0) >= {amount} OR COALESCE(a.purchases, 0) >= {frequency} THEN 'important' \
                  ELSE 'general' END AS suggested \
           FROM customers c LEFT JOIN ( \
             SELECT customer_id, COUNT(*) AS purchases, {revenue} AS revenue, \
               MAX(currency) AS currency, COUNT(DISTINCT {month}) AS months, \
               MAX(amount_minor) AS largest \
             FROM purchases WHERE {when} GROUP BY customer_id \
           ) a ON a.customer_id = c.id \
           WHERE c.deleted_at IS NULL AND c.erased_at IS NULL AND c.merged_into IS NULL \
             AND c.status = '{ACTIVE}' \
         ) s WHERE s.suggested <> s.tier"
    );
    if let Some(after) = after {
        sql.push_str(&format!(" AND s.id > {}", param(after.into())));
    }
    sql.push_str(&format!(
        " ORDER BY s.id LIMIT {}",
        param((limit as i64).into())
    ));
    rows(db, &sql, values)
        .await?
        .iter()
        .map(|r| {
            Ok(TierEvidence {
                customer_id: r.try_get("", "id")?,
                name: r.try_get("", "name")?,
                tier: r.try_get("", "tier")?,
                suggested: r.try_get("", "suggested")?,
                purchases: r.try_get("", "purchases")?,
                revenue_minor: r.try_get("", "revenue")?,
                currency: r.try_get("", "currency")?,
                active_months: r.try_get("", "months")?,
                largest_minor: r.try_get("", "largest")?,
            })
        })
        .collect()
}
