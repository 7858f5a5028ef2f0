//! Reports for managers and admins: who brings the revenue ([`revenue`]), who is neglected
//! and who was lost ([`relationships`]), how complaints and planned contacts are handled
//! ([`service`]). The figures are computed by aggregate SQL (`store::reports`); here are the
//! periods, the arithmetic on the aggregates (shares, ranks, percentiles) and who may read.

pub mod relationships;
pub mod revenue;
pub mod service;

use chrono::{DateTime, Duration, Utc};

use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::store::reports::Period;

/// What purchases over the last 12 months make a customer fit a tier (configurable:
/// `RAPPORT_TIER_KEY_MONTHS`, `RAPPORT_TIER_IMPORTANT_PURCHASES`,
/// `RAPPORT_TIER_IMPORTANT_AMOUNT_MINOR`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierThresholds {
    /// `key`: purchases in at least this many distinct months (continuous, stable buying).
    pub key_months: u64,
    /// `important`: at least this many purchases (high-frequency buying)…
    pub important_purchases: u64,
    /// …or one purchase of at least this many minor units (a large one-off).
    pub important_amount_minor: u64,
}

impl Default for TierThresholds {
    fn default() -> Self {
        Self {
            key_months: 9,
            important_purchases: 6,
            important_amount_minor: 500_000,
        }
    }
}

fn ensure_reader(actor: &Actor) -> DomainResult<()> {
    actor.ensure_manager("read reports")
}

/// `[from, to)`, `to` defaulting to now and `from` to `default_span` before `to` (or the
/// beginning, without one).
fn period(
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    default_span: Option<Duration>,
    now: DateTime<Utc>,
) -> DomainResult<Period> {
    let to = to.unwrap_or(now);
    let from = from.or_else(|| default_span.map(|span| to - span));
    if from.is_some_and(|f| f >= to) {
        return Err(DomainError::invalid(
            "from",
            FieldCode::Conflict,
            "must be before `to`",
        ));
    }
    Ok(Period { from, to })
}

/// `part / whole`, rounded to six decimals; `None` when `whole` is zero.
fn ratio(part: i64, whole: i64) -> Option<f64> {
    (whole != 0).then(|| ((part as f64 / whole as f64) * 1e6).round() / 1e6)
}

/// The 1-based nearest rank of the `percent`th percentile among `n` ordered values.
fn nearest_rank(percent: i64, n: i64) -> i64 {
    ((percent * n) + 99) / 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ranks() {
        assert_eq!(nearest_rank(50, 4), 2);
        assert_eq!(nearest_rank(50, 5), 3);
        assert_eq!(nearest_rank(90, 10), 9);
        assert_eq!(nearest_rank(90, 11), 10);
        assert_eq!(nearest_rank(90, 1), 1);
    }

    #[test]
    fn ratios_round_and_refuse_nothing() {
        assert_eq!(ratio(1, 3), Some(0.333333));
        assert_eq!(ratio(7, 10), Some(0.7));
        assert_eq!(ratio(1, 0), None);
    }

    #[test]
    fn periods_default_and_refuse_empty_ones() {
        let now = Utc::now();
        let p = period(None, None, Some(Duration::days(30)), now).unwrap();
        assert_eq!((p.from, p.to), (Some(now - Duration::days(30)), now));
        assert!(period(None, None, None, now).unwrap().from.is_none());
        assert!(period(Some(now), Some(now), None, now).is_err());
    }
}
