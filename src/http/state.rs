//! What every handler may use: the database pool, the token keys and the budget of
//! expensive reads, built once at startup.

use sea_orm::DatabaseConnection;

use crate::clock::Clock;

use crate::domain::budget::Evaluations;
use crate::domain::token::TokenKeys;

pub struct AppState {
    pub db: DatabaseConnection,
    /// Where reads that may be a little stale go: reports, exports and segment counts (the
    /// read replica while it is fresh enough, else `db`). Anything a caller must see their
    /// own writes in reads `db`.
    pub reads: crate::db::replica::Reads,
    /// A small pool with a longer budget, for CSV imports.
    pub bulk_db: DatabaseConnection,
    pub tokens: TokenKeys,
    /// Segment evaluations in flight, per caller and in all.
    pub evaluations: Evaluations,
    /// What "now" is for every business rule.
    pub clock: Clock,
    /// The most members one campaign reaches.
    pub campaign_max_members: u64,
    /// What purchases make a customer fit each tier, for the tier suggestions.
    pub tier_thresholds: crate::domain::report::TierThresholds,
    /// Peers whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub scheduler: crate::scheduler::Options,
    /// Whether the process is shutting down, and what it is still answering.
    pub drain: std::sync::Arc<crate::http::drain::Drain>,
    /// Open while the database does not answer.
    pub breaker: std::sync::Arc<crate::db::breaker::Breaker>,
    /// Each caller's rate-limit bucket, in this replica.
    pub limiter: crate::http::rate_limit::Limiter,
    /// Writes the audit trail, a group of entries at a time.
    pub audit: crate::domain::audit::Recorder,
}
