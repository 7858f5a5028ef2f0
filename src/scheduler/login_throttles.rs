//! Forgets sign-in throttle entries that no longer count against anyone.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::Pass;
use crate::model::login::FAILURE_MEMORY;
use crate::store;

pub const PASS: Pass = Pass {
    name: "expired_login_throttles",
    description: "Forgets sign-in throttles whose failures no longer count",
    run: |db, _, now| Box::pin(run(db, now)),
};

async fn run(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> crate::model::error::DomainResult<u64> {
    Ok(store::login::purge_older_than(db, now - FAILURE_MEMORY * 2).await?)
}
