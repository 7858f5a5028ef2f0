//! Erasure: every piece of personal data about a customer removed or replaced wherever it
//! lies, in one transaction, while what is not personal (amounts, dates, counts, tiers,
//! statuses) stays so that reports remain true. The row remains as an anonymous record with
//! `erased_at`, no longer listed, searchable or matched by an import. Irreversible; asking
//! again answers the same receipt.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::records;
use crate::db::begin_write;
use crate::domain::feed::{self, Change};
use crate::domain::touchpoint::row::announce;
use crate::dto::customer::{Erasure, ErasureRequest};
use crate::model::error::{DomainError, DomainResult, FieldCode};
use crate::model::event::EventType;
use crate::model::role::Actor;
use crate::model::touchpoint::{Source, Status};
use crate::store;

/// What an erased customer is called.
pub const ERASED_NAME: &str = "Erased customer";
/// Why an erased customer's open touchpoints were cancelled.
pub const ERASED_REASON: &str = "customer erased";

const EVERY_SOURCE: [Source; 5] = [
    Source::Manual,
    Source::Playbook,
    Source::Birthday,
    Source::ImportantDate,
    Source::Complaint,
];

#[tracing::instrument(skip_all, fields(customer.id = %id))]
pub async fn erase(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: ErasureRequest,
    now: DateTime<Utc>,
) -> DomainResult<Erasure> {
    actor.ensure_admin("erase customers")?;
    let reason = input.reason.trim().to_string();
    if reason.is_empty() {
        return Err(DomainError::invalid(
            "reason",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let tx = begin_write(db).await?;
    // Deleted customers are erased too: a soft delete keeps everything.
    let customer = store::customers::lock_any(&tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))?;
    if let (Some(erased_at), Some(reason)) = (customer.erased_at, customer.erasure_reason) {
        tx.commit().await?;
        return Ok(Erasure {
            customer_id: id,
            erased_at,
            reason,
        });
    }
    // Nobody is to be contacted on behalf of a person who is no longer on record.
    let open = store::touchpoints::open_from(&tx, id, &EVERY_SOURCE).await?;
    records::erase(&tx, id).await?;
    store::touchpoints::close_many(&tx, &open, Status::Cancelled, Some(ERASED_REASON), now).await?;
    store::customers::erase_profile(&tx, id, ERASED_NAME, &reason, now).await?;
    store::idempotency::erase_about(&tx, id).await?;
    records::refresh_derived(&tx, id).await?;
    let receipt = Erasure {
        customer_id: id,
        erased_at: now,
        reason,
    };
    let by = Some(actor.recorded());
    // The cancellations are announced with the touchpoints as they now are: erased.
    announce(&tx, by, &open, now).await?;
    let change = Change {
        kind: EventType::CustomerErased,
        subject_id: id,
        customer_id: id,
        data: &receipt,
    };
    feed::emit(&tx, by, change, now).await?;
    tx.commit().await?;
    Ok(receipt)
}
