//! Status changes that other writes make: a purchase from a lost customer wins it back.

use chrono::{DateTime, Utc};
use entity::customers;
use sea_orm::{DatabaseTransaction, Set};
use uuid::Uuid;

use super::announce::announce;
use super::history::{self, Change};
use crate::domain::version::ensure_written;
use crate::model::customer::CustomerStatus;
use crate::model::error::{DomainError, DomainResult};
use crate::model::event::EventType;
use crate::model::role::{ActorRef, CustomerScope};
use crate::store;

/// Marks a churned `customer` (locked by the caller) active again because of `purchase`,
/// recorded in its history with the purchase as the reason; the loss stays in the history.
/// Returns the customer as it now stands, so the cadence that follows sees it active.
pub async fn win_back(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    purchase: Uuid,
    by: ActorRef,
    now: DateTime<Utc>,
) -> DomainResult<customers::Model> {
    if customer.status != CustomerStatus::Churned.as_str() {
        return Ok(customer.clone());
    }
    let model = customers::ActiveModel {
        status: Set(CustomerStatus::Active.as_str().into()),
        churned_at: Set(None),
        version: Set(customer.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::versioned::update_if_version(tx, customer.id, customer.version, model).await?,
        "customer",
    )?;
    let change = Change {
        field: "status",
        from: Some(CustomerStatus::Churned.as_str().into()),
        to: Some(CustomerStatus::Active.as_str().into()),
        reason: Some(format!("purchase {purchase}")),
        at: None,
    };
    history::record(tx, customer.id, vec![change], Some(by), now).await?;
    announce(
        tx,
        Some(by),
        &[EventType::CustomerUpdated],
        customer.id,
        now,
    )
    .await?;
    store::customers::find_visible(tx, customer.id, CustomerScope::All)
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))
}
