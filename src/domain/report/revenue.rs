//! Who brings the revenue (the Pareto ranking) and whose purchases fit another tier.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{TierThresholds, ensure_reader, period, ratio};
use crate::domain::page::keyset;
use crate::dto::page::{Page, PageQuery};
use crate::dto::report::{
    CurvePoint, EightyPercent, ParetoQuery, ParetoReport, RankedCustomer, TierEvidence,
    TierSuggestion, TopShare,
};
use crate::model::customer::Tier;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::store::page::Rows;
use crate::store::reports::revenue::{self, TierRule};

/// Points of the cumulative curve besides its origin.
const CURVE_POINTS: i64 = 100;

fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The ranks the curve is drawn at: every rank up to 100 customers, else 100 evenly spread.
fn curve_ranks(customers: i64) -> Vec<i64> {
    let points = customers.min(CURVE_POINTS);
    (1..=points)
        .map(|i| (customers * i + points - 1) / points)
        .collect()
}

/// `GET /reports/pareto`.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn pareto(
    db: &DatabaseConnection,
    actor: &Actor,
    q: ParetoQuery,
    now: DateTime<Utc>,
) -> DomainResult<ParetoReport> {
    ensure_reader(actor)?;
    let limit = match q.limit {
        None => 50,
        Some(n @ 1..=200) => n,
        Some(_) => {
            return Err(DomainError::invalid(
                "limit",
                FieldCode::OutOfRange,
                "must be between 1 and 200",
            ));
        }
    };
    let period = period(q.from, q.to, None, now)?;
    if q.currency.as_deref().is_some_and(|c| !is_currency(c)) {
        return Err(DomainError::invalid(
            "currency",
            FieldCode::InvalidFormat,
            "must be an ISO 4217 code such as EUR",
        ));
    }
    let used = revenue::currencies(db, period).await?;
    let currency = match (q.currency, used.as_slice()) {
        (Some(c), _) => Some(c),
        (None, []) => None,
        (None, [(only, _)]) => only.clone(),
        (None, several) => {
            let codes: Vec<String> = several.iter().filter_map(|(c, _)| c.clone()).collect();
            return Err(DomainError::invalid(
                "currency",
                FieldCode::Required,
                format!(
                    "is required: the period's purchases are in {}",
                    codes.join(", ")
                ),
            ));
        }
    };
    let mut report = ParetoReport {
        currency: currency.clone(),
        from: period.from,
        to: period.to,
        customers: 0,
        revenue_minor: 0,
        top_20_percent: TopShare {
            customers: 0,
            revenue_minor: 0,
            revenue_share: 0.0,
        },
        eighty_percent: EightyPercent {
            customers: 0,
            customer_share: 0.0,
        },
        top: Vec::new(),
        curve: vec![CurvePoint {
            customers: 0,
            customer_share: 0.0,
            revenue_share: 0.0,
        }],
    };
    let Some(currency) = currency else {
        return Ok(report);
    };
    let (customers, total) = revenue::totals(db, period, &currency).await?;
    if customers == 0 {
        return Ok(report);
    }
    let top_fifth = (customers + 4) / 5;
    let mut ranks = curve_ranks(customers);
    ranks.push(top_fifth);
    let ranked = revenue::at_ranks(db, period, &currency, limit, &ranks).await?;
    let by_rank: HashMap<i64, &revenue::Ranked> = ranked.iter().map(|r| (r.rank, r)).collect();
    let cumulative = |rank: i64| by_rank.get(&rank).map_or(0, |r| r.cumulative_minor);
    // The fewest customers reaching 80% of the revenue, in whole minor units (rounded up).
    let eighty = i64::try_from((i128::from(total) * 4 + 4) / 5).unwrap_or(i64::MAX);
    let eighty_rank = revenue::rank_reaching(db, period, &currency, eighty)
        .await?
        .unwrap_or(customers);

    report.customers = customers;
    report.revenue_minor = total;
    report.top_20_percent = TopShare {
        customers: top_fifth,
        revenue_minor: cumulative(top_fifth),
        revenue_share: ratio(cumulative(top_fifth), total).unwrap_or(0.0),
    };
    report.eighty_percent = EightyPercent {
        customers: eighty_rank,
        customer_share: ratio(eighty_rank, customers).unwrap_or(0.0),
    };
    report
        .curve
        .extend(curve_ranks(customers).into_iter().map(|rank| CurvePoint {
            customers: rank,
            customer_share: ratio(rank, customers).unwrap_or(0.0),
            revenue_share: ratio(cumulative(rank), total).unwrap_or(0.0),
        }));
    report.top = ranked
        .iter()
        .filter(|r| r.rank <= limit)
        .map(|r| {
            Ok(RankedCustomer {
                rank: r.rank,
                customer_id: r.customer_id,
                name: r.name.clone(),
                tier: Tier::from_stored(&r.tier)?,
                revenue_minor: r.revenue_minor,
                revenue_share: ratio(r.revenue_minor, total).unwrap_or(0.0),
                cumulative_share: ratio(r.cumulative_minor, total).unwrap_or(0.0),
            })
        })
        .collect::<DomainResult<_>>()?;
    Ok(report)
}

/// Why the purchases fit `suggested`, in words.
fn reason(e: &revenue::TierEvidence, suggested: Tier, t: &TierThresholds) -> String {
    match suggested {
        Tier::Key => format!(
            "bought in {} of the last 12 months (key from {})",
            e.active_months, t.key_months
        ),
        Tier::Important if e.largest_minor as u64 >= t.important_amount_minor => format!(
            "one purchase of {} (important from {})",
            e.largest_minor, t.important_amount_minor
        ),
        Tier::Important => format!(
            "{} purchases in the last 12 months (important from {})",
            e.purchases, t.important_purchases
        ),
        Tier::General => format!(
            "{} purchases in {} of the last 12 months, the largest {}: below the thresholds of important and key",
            e.purchases, e.active_months, e.largest_minor
        ),
    }
}

/// `GET /reports/tier-suggestions`: active customers whose purchases over the last 12
/// months fit another tier, by id.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn tier_suggestions(
    db: &DatabaseConnection,
    actor: &Actor,
    thresholds: &TierThresholds,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<TierSuggestion>> {
    ensure_reader(actor)?;
    let page = page.request::<Uuid>()?;
    let whole = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let rule = TierRule {
        key_months: whole(thresholds.key_months),
        important_purchases: whole(thresholds.important_purchases),
        important_amount_minor: whole(thresholds.important_amount_minor),
    };
    let year = period(None, Some(now), Some(Duration::days(365)), now)?;
    let found = revenue::tier_mismatches(db, year, &rule, page.after, page.limit + 1).await?;
    let rows = Rows::cut(found, page.limit);
    keyset(rows, |e| e.customer_id).try_map(|e| {
        let suggested = Tier::from_stored(&e.suggested)?;
        Ok(TierSuggestion {
            customer_id: e.customer_id,
            reason: reason(&e, suggested, thresholds),
            name: e.name,
            tier: Tier::from_stored(&e.tier)?,
            suggested_tier: suggested,
            evidence: TierEvidence {
                purchases: e.purchases,
                revenue_minor: e.revenue_minor,
                currency: e.currency,
                active_months: e.active_months,
                largest_purchase_minor: e.largest_minor,
            },
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_has_every_rank_up_to_a_hundred_then_a_hundred_points() {
        assert_eq!(curve_ranks(3), [1, 2, 3]);
        let many = curve_ranks(1000);
        assert_eq!(many.len(), 100);
        assert_eq!((many[0], many[99]), (10, 1000));
        let odd = curve_ranks(150);
        assert_eq!((odd[0], odd[1], odd[99]), (2, 3, 150));
    }

    #[test]
    fn currencies_are_three_capitals() {
        assert!(is_currency("EUR"));
        assert!(!is_currency("eur") && !is_currency("EURO"));
    }
}
