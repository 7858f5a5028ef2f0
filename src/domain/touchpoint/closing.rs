//! Closing a touchpoint inside another write: an interaction that fulfils it.

use chrono::{DateTime, Utc};
use entity::touchpoints;
use sea_orm::{DatabaseTransaction, Set};
use uuid::Uuid;

use crate::domain::customer::records;
use crate::domain::schedule;
use crate::domain::version::ensure_written;
use crate::model::error::DomainResult;
use crate::model::role::ActorRef;
use crate::model::touchpoint::Status;
use crate::store;

/// Closes a touchpoint as done by `interaction`, and refreshes its customer's next due time.
pub async fn mark_done(
    tx: &DatabaseTransaction,
    by: Option<ActorRef>,
    open: &touchpoints::Model,
    interaction: Uuid,
    occurred_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let row = touchpoints::ActiveModel {
        status: Set(Status::Done.as_str().into()),
        completed_at: Set(Some(occurred_at)),
        interaction_id: Set(Some(interaction)),
        version: Set(open.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::versioned::update_if_version(tx, open.id, open.version, row).await?,
        "touchpoint",
    )?;
    records::refresh_derived(tx, open.customer_id).await?;
    super::row::announce(tx, by, &[open.id], now).await?;
    schedule::after_closed(tx, open, now).await?;
    Ok(())
}
