//! The background worker. Each pass is idempotent and safe to run on several replicas at
//! once: today it forgets idempotency keys past their 24 hours and login-throttle entries
//! that no longer count.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::error::DomainResult;
use crate::domain::login::FAILURE_MEMORY;
use crate::store;

/// What one pass did.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct PassReport {
    pub expired_idempotency_keys: u64,
    pub expired_login_throttles: u64,
}

pub async fn run_once(db: &DatabaseConnection, now: DateTime<Utc>) -> DomainResult<PassReport> {
    let expired_idempotency_keys =
        store::idempotency::purge_older_than(db, now - chrono::Duration::hours(24)).await?;
    let expired_login_throttles =
        store::login::purge_older_than(db, now - FAILURE_MEMORY * 2).await?;
    Ok(PassReport {
        expired_idempotency_keys,
        expired_login_throttles,
    })
}

/// Runs a pass every `interval` until the process stops.
pub fn spawn(db: DatabaseConnection, interval: Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            match run_once(&db, Utc::now()).await {
                Ok(report) => tracing::debug!(?report, "scheduler pass"),
                Err(err) => tracing::warn!(error.cause = %err, "scheduler pass failed"),
            }
        }
    });
}
