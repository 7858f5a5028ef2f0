//! The background worker: a registry of passes that the interval loop, `rapport scheduler
//! run-once` and `POST /api/v1/scheduler/run` all run the same way. Every pass is idempotent
//! and safe on several replicas at once (uniqueness by constraint, work found by an index on
//! its due time), so running it twice, or on two replicas, changes nothing more.

mod audit_trail;
mod duplicates;
mod escalations;
mod expired_events;
mod greetings;
mod idempotency_keys;
mod login_throttles;
mod overdue_touchpoints;
mod pending_purchases;
mod personal_data;
mod webhook_deliveries;
pub mod webhook_worker;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures_util::future::BoxFuture;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::Clock;
use crate::domain::webhook::delivery::Outbound;
use crate::model::error::DomainResult;
use crate::telemetry;

/// One kind of background work.
pub struct Pass {
    /// Stable name, shown in reports and logs.
    pub name: &'static str,
    /// What the pass does, in a line.
    pub description: &'static str,
    /// Does the work due at `now` and says how many records it touched.
    pub run: for<'a> fn(
        &'a DatabaseConnection,
        &'a Options,
        DateTime<Utc>,
    ) -> BoxFuture<'a, DomainResult<u64>>,
}

/// What the passes are configured with.
#[derive(Clone, Debug)]
pub struct Options {
    /// How long the event feed keeps events (`RAPPORT_EVENT_RETENTION_DAYS`), and webhook
    /// deliveries their log.
    pub event_retention: chrono::Duration,
    /// How webhooks are sent.
    pub webhooks: Outbound,
    /// How long the audit trail keeps entries, in days.
    pub audit_retention_days: u32,
    /// After how many days the texts of churned customers' interactions and of closed
    /// complaints are erased; `None` keeps them.
    pub text_retention: crate::domain::retention::TextRetention,
}

impl Options {
    pub fn of(settings: &crate::config::Settings) -> Result<Self, String> {
        Ok(Self {
            event_retention: chrono::Duration::days(settings.event_retention_days as i64),
            webhooks: Outbound::new(
                settings.webhook_policy.clone(),
                chrono::Duration::hours(settings.webhook_disable_after_hours as i64),
            )?,
            audit_retention_days: u32::try_from(settings.audit_retention_days).unwrap_or(u32::MAX),
            text_retention: crate::domain::retention::TextRetention {
                churned_interactions: settings
                    .churned_interaction_retention_days
                    .map(|d| chrono::Duration::days(d as i64)),
                closed_complaints: settings
                    .closed_complaint_retention_days
                    .map(|d| chrono::Duration::days(d as i64)),
            },
        })
    }
}

/// Every pass, in the order they run. A new pass is a module and one line here.
pub const PASSES: &[Pass] = &[
    pending_purchases::PASS,
    greetings::PASS,
    escalations::PASS,
    overdue_touchpoints::PASS,
    expired_events::PASS,
    webhook_deliveries::EXPIRED,
    idempotency_keys::PASS,
    login_throttles::PASS,
    audit_trail::PASS,
    personal_data::PASS,
    duplicates::PASS,
    // Last, so that what the passes before announced is delivered in the same run.
    webhook_deliveries::PASS,
];

/// What one pass did.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"name": "expired_idempotency_keys", "description": "Forgets Idempotency-Key records older than 24 hours", "affected": 12}))]
pub struct PassOutcome {
    pub name: String,
    pub description: String,
    /// Records the pass created, changed or removed.
    pub affected: u64,
}

/// What a run of every pass did.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"at": "2026-11-23T09:00:00Z", "passes": [
    {"name": "pending_purchase_playbooks", "description": "Applies the after-purchase playbooks of purchases not yet applied", "affected": 0},
    {"name": "yearly_greetings", "description": "Schedules birthday and important-date touchpoints coming within 30 days", "affected": 37},
    {"name": "complaint_escalations", "description": "Escalates open complaints past their first-response or resolution deadline, once per deadline", "affected": 2},
    {"name": "overdue_touchpoints", "description": "Announces touchpoints that have become overdue (touchpoint.overdue), once each", "affected": 5},
    {"name": "expired_events", "description": "Forgets events older than the feed's retention period", "affected": 0},
    {"name": "expired_webhook_deliveries", "description": "Forgets delivered and failed webhook deliveries older than the feed's retention period", "affected": 0},
    {"name": "expired_idempotency_keys", "description": "Forgets Idempotency-Key records older than 24 hours", "affected": 12},
    {"name": "expired_login_throttles", "description": "Forgets sign-in throttles whose failures no longer count", "affected": 0},
    {"name": "expired_audit_entries", "description": "Forgets audit entries older than the trail's retention period", "affected": 0},
    {"name": "personal_data_retention", "description": "Erases the texts of churned customers' interactions and of closed complaints past their retention period", "affected": 0},
    {"name": "duplicate_candidates", "description": "Looks for the duplicate candidates of customers whose name, email, phone, company or city changed since they were last compared", "affected": 4},
    {"name": "webhook_deliveries", "description": "Turns new events into webhook deliveries and tries every delivery that is due", "affected": 3}
]}))]
pub struct SchedulerRun {
    /// The instant the run treated as now.
    pub at: DateTime<Utc>,
    pub passes: Vec<PassOutcome>,
}

/// Runs every pass once, in order; the first failure stops the run (the next run retries
/// everything, which is safe because every pass is idempotent).
pub async fn run_once(
    db: &DatabaseConnection,
    options: &Options,
    now: DateTime<Utc>,
) -> DomainResult<SchedulerRun> {
    let mut passes = Vec::with_capacity(PASSES.len());
    for pass in PASSES {
        let started = Instant::now();
        let outcome = (pass.run)(db, options, now).await;
        telemetry::observe_pass(pass.name, started.elapsed(), outcome.as_ref().ok().copied());
        let affected = outcome?;
        tracing::debug!(pass = pass.name, affected, "scheduler pass");
        passes.push(PassOutcome {
            name: pass.name.into(),
            description: pass.description.into(),
            affected,
        });
    }
    Ok(SchedulerRun { at: now, passes })
}

/// Runs every pass each `interval` until the process stops.
pub fn spawn(db: DatabaseConnection, options: Options, interval: Duration, clock: Clock) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            if let Err(err) = run_once(&db, &options, clock.now()).await {
                tracing::warn!(error.cause = %err, "scheduler run failed");
            }
        }
    });
}
