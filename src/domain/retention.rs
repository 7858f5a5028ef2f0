//! Retention of personal free text (off by default): the subject and summary of a churned
//! customer's interactions, and the texts of a closed complaint and its events, are erased
//! once their period has passed. The records stay, with their dates, outcomes and figures.

use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;

use crate::model::error::DomainResult;
use crate::store;

/// Rows one statement changes at most, so that a first run over years of data goes in steps.
const BATCH: u64 = 1_000;

/// How long free text is kept; `None` keeps it.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextRetention {
    /// After the customer churned (`RAPPORT_RETENTION_CHURNED_INTERACTIONS_DAYS`).
    pub churned_interactions: Option<Duration>,
    /// After the complaint closed (`RAPPORT_RETENTION_CLOSED_COMPLAINTS_DAYS`).
    pub closed_complaints: Option<Duration>,
}

/// Erases what has passed its retention at `now`; returns how many records changed.
pub async fn erase_expired_texts(
    db: &DatabaseConnection,
    retention: &TextRetention,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let mut total = 0;
    if let Some(keep) = retention.churned_interactions {
        loop {
            let n = store::retention::churned_interactions(db, now - keep, BATCH).await?;
            total += n;
            if n < BATCH {
                break;
            }
        }
    }
    if let Some(keep) = retention.closed_complaints {
        loop {
            let n = store::retention::closed_complaints(db, now - keep, BATCH).await?;
            total += n;
            if n < BATCH {
                break;
            }
        }
    }
    Ok(total)
}
