//! Forgets `Idempotency-Key` records once their 24-hour window has passed.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::Pass;
use crate::domain::idempotency::WINDOW;
use crate::store;

pub const PASS: Pass = Pass {
    name: "expired_idempotency_keys",
    description: "Forgets Idempotency-Key records older than 24 hours",
    run: |db, _, now| Box::pin(run(db, now)),
};

async fn run(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> crate::model::error::DomainResult<u64> {
    Ok(store::idempotency::purge_older_than(db, now - WINDOW).await?)
}
