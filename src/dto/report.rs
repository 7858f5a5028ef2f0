//! Report bodies and parameters: where the relationships stand, for managers and admins.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::customer::Customer;
use crate::model::customer::Tier;

/// A period `[from, to)`.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// Start of the period (inclusive).
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub from: Option<DateTime<Utc>>,
    /// End of the period (exclusive); defaults to now.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub to: Option<DateTime<Utc>>,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ParetoQuery {
    /// Purchases from this instant (inclusive); defaults to all of them.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub from: Option<DateTime<Utc>>,
    /// Purchases before this instant; defaults to now.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub to: Option<DateTime<Utc>>,
    /// ISO 4217 code; required when the period's purchases use more than one currency.
    #[param(pattern = "^[A-Z]{3}$")]
    pub currency: Option<String>,
    /// How many of the top customers to list, 1–200 (default 50).
    #[serde(default, deserialize_with = "crate::dto::page::query_whole")]
    #[param(minimum = 1, maximum = 200, value_type = Option<i64>)]
    pub limit: Option<i64>,
}

/// One customer in the revenue ranking.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankedCustomer {
    /// 1 for the customer who brought the most.
    pub rank: i64,
    pub customer_id: Uuid,
    pub name: String,
    pub tier: Tier,
    pub revenue_minor: i64,
    /// Of all revenue in the period, 0–1.
    pub revenue_share: f64,
    /// Of all revenue, brought by this customer and everyone ranked above, 0–1.
    pub cumulative_share: f64,
}

/// A point of the cumulative revenue curve.
#[derive(Debug, Serialize, ToSchema)]
pub struct CurvePoint {
    /// The top `customers` of the ranking…
    pub customers: i64,
    /// …as a share of all customers who bought, 0–1…
    pub customer_share: f64,
    /// …bring this share of the revenue, 0–1.
    pub revenue_share: f64,
}

/// Who brings the revenue: the 80/20 rule, measured.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "currency": "EUR", "from": null, "to": "2026-11-29T09:00:00Z",
    "customers": 10, "revenue_minor": 1000000,
    "top_20_percent": {"customers": 2, "revenue_minor": 700000, "revenue_share": 0.7},
    "eighty_percent": {"customers": 4, "customer_share": 0.4},
    "top": [{"rank": 1, "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "name": "Ada Lovelace",
             "tier": "key", "revenue_minor": 400000, "revenue_share": 0.4, "cumulative_share": 0.4}],
    "curve": [{"customers": 0, "customer_share": 0.0, "revenue_share": 0.0},
              {"customers": 1, "customer_share": 0.1, "revenue_share": 0.4}]
}))]
pub struct ParetoReport {
    /// The currency every figure is in; null when nothing was bought.
    pub currency: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: DateTime<Utc>,
    /// Customers who bought in the period.
    pub customers: i64,
    pub revenue_minor: i64,
    /// The top fifth of the customers (rounded up) and what they bring.
    pub top_20_percent: TopShare,
    /// The fewest top customers who together bring at least 80% of the revenue.
    pub eighty_percent: EightyPercent,
    /// The top of the ranking, up to `limit` customers.
    pub top: Vec<RankedCustomer>,
    /// The cumulative curve: the origin and at most 100 points, for a chart.
    pub curve: Vec<CurvePoint>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TopShare {
    pub customers: i64,
    pub revenue_minor: i64,
    pub revenue_share: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EightyPercent {
    pub customers: i64,
    pub customer_share: f64,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeglectedQuery {
    /// Customers without an interaction for this many days (or never), 1–3650 (default 90).
    #[serde(default, deserialize_with = "crate::dto::page::query_whole")]
    #[param(minimum = 1, maximum = 3650, value_type = Option<i64>)]
    pub days: Option<i64>,
}

/// A count of one group.
#[derive(Debug, Serialize, ToSchema)]
pub struct Count {
    /// The group: a tier, status, category, severity, kind, reason or month (`YYYY-MM`);
    /// null for customers lost without a reason.
    pub key: Option<String>,
    pub count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OwnerCount {
    pub owner_id: Uuid,
    pub count: i64,
}

/// Active customers nobody has been in touch with.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "days": 90, "since": "2026-08-31T09:00:00Z", "total": 3,
    "by_tier": [{"key": "general", "count": 2}, {"key": "key", "count": 1}],
    "by_owner": [{"owner_id": "01932c8e-0000-7000-8000-000000000001", "count": 3}],
    "items": [], "next_cursor": null
}))]
pub struct NeglectedReport {
    pub days: i64,
    /// Customers last contacted before this instant, or never.
    pub since: DateTime<Utc>,
    pub total: i64,
    pub by_tier: Vec<Count>,
    /// Most neglected first.
    pub by_owner: Vec<OwnerCount>,
    /// The customers, most valuable first (`lifetime_value_minor`), a page at a time.
    pub items: Vec<Customer>,
    pub next_cursor: Option<String>,
}

/// Customers lost: why, which kind, when.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "from": "2025-11-29T09:00:00Z", "to": "2026-11-29T09:00:00Z", "total": 3,
    "by_reason": [{"key": "price", "count": 2}, {"key": null, "count": 1}],
    "by_tier": [{"key": "general", "count": 3}],
    "by_month": [{"key": "2026-09", "count": 1}, {"key": "2026-10", "count": 2}]
}))]
pub struct ChurnReport {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub total: i64,
    /// The 100 most frequent reasons, most frequent first; null for none given.
    pub by_reason: Vec<Count>,
    pub by_tier: Vec<Count>,
    /// By month of the loss (UTC), in order.
    pub by_month: Vec<Count>,
}

/// How often a deadline was kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct Compliance {
    /// Complaints whose deadline has come: met, or answered late, or still open past it.
    pub due: i64,
    pub on_time: i64,
    /// `on_time / due`; null when nothing was due.
    pub rate: Option<f64>,
}

/// Time from receipt to resolution, nearest-rank percentiles.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResolutionTimes {
    pub resolved: i64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SatisfactionFigures {
    pub rated: i64,
    /// Mean of `satisfaction_after`, 1–5; null when nobody rated.
    pub average: Option<f64>,
}

/// How complaints are handled.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "from": null, "to": "2026-11-29T09:00:00Z", "total": 4,
    "by_status": [{"key": "closed", "count": 3}, {"key": "open", "count": 1}],
    "by_category": [{"key": "delivery", "count": 4}],
    "by_severity": [{"key": "high", "count": 4}],
    "by_kind": [{"key": "complaint", "count": 4}],
    "first_response": {"due": 4, "on_time": 3, "rate": 0.75},
    "resolution": {"due": 3, "on_time": 3, "rate": 1.0},
    "time_to_resolve": {"resolved": 3, "median_seconds": 86400, "p90_seconds": 172800},
    "satisfaction_after": {"rated": 3, "average": 4.33}
}))]
pub struct ComplaintReport {
    pub from: Option<DateTime<Utc>>,
    pub to: DateTime<Utc>,
    /// Complaints received in the period.
    pub total: i64,
    pub by_status: Vec<Count>,
    pub by_category: Vec<Count>,
    pub by_severity: Vec<Count>,
    pub by_kind: Vec<Count>,
    pub first_response: Compliance,
    pub resolution: Compliance,
    pub time_to_resolve: ResolutionTimes,
    pub satisfaction_after: SatisfactionFigures,
}

/// One owner's planned contacts in the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnerTouchpointFigures {
    pub owner_id: Uuid,
    /// Touchpoints due in the period.
    pub total: i64,
    pub completed: i64,
    pub skipped: i64,
    pub cancelled: i64,
    /// Still scheduled and past due now.
    pub overdue: i64,
    /// Still scheduled and not yet due.
    pub upcoming: i64,
    /// Completed by the end of the day after they fell due.
    pub on_time: i64,
    /// `on_time / completed`; null when none was completed.
    pub on_time_rate: Option<f64>,
}

/// Whether the planned contacts happen.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "from": "2026-10-30T09:00:00Z", "to": "2026-11-29T09:00:00Z",
    "owners": [{"owner_id": "01932c8e-0000-7000-8000-000000000001", "total": 12, "completed": 9,
                "skipped": 1, "cancelled": 0, "overdue": 2, "upcoming": 0, "on_time": 8,
                "on_time_rate": 0.889}]
}))]
pub struct TouchpointReport {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Per assignee, most touchpoints first.
    pub owners: Vec<OwnerTouchpointFigures>,
}

/// What a customer's purchases over the last 12 months show.
#[derive(Debug, Serialize, ToSchema)]
pub struct TierEvidence {
    pub purchases: i64,
    pub revenue_minor: i64,
    pub currency: Option<String>,
    /// Distinct calendar months (UTC) with a purchase.
    pub active_months: i64,
    pub largest_purchase_minor: i64,
}

/// A customer whose purchases fit another tier.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "name": "Ada Lovelace",
    "tier": "general", "suggested_tier": "key",
    "reason": "bought in 10 of the last 12 months (key from 9)",
    "evidence": {"purchases": 14, "revenue_minor": 1820000, "currency": "EUR", "active_months": 10,
                 "largest_purchase_minor": 240000}
}))]
pub struct TierSuggestion {
    pub customer_id: Uuid,
    pub name: String,
    pub tier: Tier,
    pub suggested_tier: Tier,
    pub reason: String,
    pub evidence: TierEvidence,
}
