//! Purchases: what each customer is worth. Recording one keeps the value figures right in
//! the same transaction and appends an `after_purchase` event for the cadence engine.
//!
//! One currency per customer: the lifetime value is a sum, and amounts in different
//! currencies cannot be summed without exchange rates, so a purchase in another currency
//! than the customer's earlier ones is refused (422) rather than silently added.

use chrono::{DateTime, Utc};
use entity::purchases;
use sea_orm::{DatabaseConnection, Set};
use serde_json::json;
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::customer::guard::{locked_customer, visible_customer};
use crate::domain::customer::{records, status};
use crate::domain::feed::{self, Change};
use crate::domain::interaction::record::check_not_future;
use crate::domain::page::{TimeCursor, keyset};
use crate::domain::schedule;
use crate::domain::version::Precondition;
use crate::dto::page::{Page, PageQuery};
use crate::dto::purchase::{Purchase, PurchaseCreate};
use crate::model::cadence::Trigger;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::event::EventType;
use crate::model::role::Actor;
use crate::store;

/// The outbox kind the cadence engine consumes.
pub const AFTER_PURCHASE: &str = "after_purchase";

fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %customer_id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    input: PurchaseCreate,
    now: DateTime<Utc>,
) -> DomainResult<Purchase> {
    let tx = begin_write(db).await?;
    // Locked: the currency rule and the value figures read what earlier purchases committed.
    let customer = locked_customer(&tx, actor, customer_id).await?;
    actor.ensure_can_write()?;
    let occurred_at = input.occurred_at.unwrap_or(now);
    let mut errors = Vec::new();
    if input.amount_minor < 1 {
        errors.push(FieldError::new(
            "amount_minor",
            FieldCode::OutOfRange,
            "must be at least 1",
        ));
    }
    if !is_currency_code(&input.currency) {
        errors.push(FieldError::new(
            "currency",
            FieldCode::InvalidFormat,
            "must be an ISO 4217 code such as EUR",
        ));
    } else if let Some(existing) = customer.lifetime_value_currency.as_deref()
        && customer.purchase_count > 0
        && existing != input.currency
    {
        errors.push(FieldError::new(
            "currency",
            FieldCode::Conflict,
            format!("this customer's purchases are recorded in {existing}"),
        ));
    }
    if let Err(e) = check_not_future("occurred_at", occurred_at, now) {
        errors.push(e);
    }
    if customer
        .lifetime_value_minor
        .checked_add(input.amount_minor)
        .is_none()
    {
        errors.push(FieldError::new(
            "amount_minor",
            FieldCode::OutOfRange,
            "the lifetime value would overflow",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let row = store::purchases::insert(
        &tx,
        purchases::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(customer_id),
            amount_minor: Set(input.amount_minor),
            currency: Set(input.currency.clone()),
            occurred_at: Set(occurred_at),
            description: Set(input.description),
            created_by: Set(actor.id),
            version: Set(1),
            created_at: Set(now),
        },
    )
    .await?;
    // Won back before the cadence starts: a cadence never runs for a customer marked churned.
    let customer = status::win_back(&tx, &customer, row.id, actor.recorded(), now).await?;
    records::refresh_derived(&tx, customer_id).await?;
    let event = store::events::append(
        &tx,
        AFTER_PURCHASE,
        customer_id,
        json!({
            "purchase_id": row.id,
            "tier": customer.tier,
            "occurred_at": occurred_at,
            "amount_minor": input.amount_minor,
            "currency": input.currency,
        }),
        now,
    )
    .await?;
    // Applied here, with the purchase: the event is the record, and claiming it keeps the
    // scheduler pass from applying it again.
    if store::events::claim(&tx, event, now).await? {
        schedule::on_trigger(
            &tx,
            &customer,
            Trigger::AfterPurchase,
            occurred_at,
            event,
            now,
        )
        .await?;
    }
    let shown: Purchase = row.into();
    announce(&tx, actor, EventType::PurchaseCreated, &shown, now).await?;
    tx.commit().await?;
    Ok(shown)
}

async fn announce(
    tx: &sea_orm::DatabaseTransaction,
    actor: &Actor,
    kind: EventType,
    purchase: &Purchase,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let change = Change {
        kind,
        subject_id: purchase.id,
        customer_id: purchase.customer_id,
        data: purchase,
    };
    feed::emit(tx, Some(actor.recorded()), change, now).await
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, purchase.id = %id, customer.id = %customer_id))]
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    id: Uuid,
) -> DomainResult<Purchase> {
    visible_customer(db, actor, customer_id).await?;
    store::purchases::find(db, customer_id, id)
        .await?
        .map(Purchase::from)
        .ok_or_else(|| DomainError::not_found("purchase"))
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, purchase.id = %id, customer.id = %customer_id))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    id: Uuid,
    precondition: &Precondition,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let tx = begin_write(db).await?;
    locked_customer(&tx, actor, customer_id).await?;
    let current = store::purchases::find(&tx, customer_id, id)
        .await?
        .ok_or_else(|| DomainError::not_found("purchase"))?;
    actor.ensure_can_write()?;
    precondition.check(current.version)?;
    store::purchases::delete(&tx, id).await?;
    records::refresh_derived(&tx, customer_id).await?;
    announce(&tx, actor, EventType::PurchaseDeleted, &current.into(), now).await?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %customer_id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    page: PageQuery,
) -> DomainResult<Page<Purchase>> {
    visible_customer(db, actor, customer_id).await?;
    let page = page.request::<TimeCursor>()?;
    let after = page.after.map(TimeCursor::bound);
    let rows = store::page::newest_of_customer(
        db,
        store::purchases::NEWEST,
        customer_id,
        after,
        false,
        page.limit,
    )
    .await?;
    Ok(keyset(rows, |r| TimeCursor {
        at: r.occurred_at,
        id: r.id,
    })
    .map(Purchase::from))
}

/// Applies `after_purchase` events that no one applied yet (purchases logged before the
/// cadence engine existed), oldest first, at most `limit` in one call; returns how many. Each
/// is claimed with its customer locked, so a purchase request, another pass or another replica
/// never applies it twice.
pub async fn apply_pending(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    limit: u64,
) -> DomainResult<u64> {
    let mut applied = 0;
    for event in store::events::pending(db, AFTER_PURCHASE, limit).await? {
        let tx = begin_write(db).await?;
        let customer = store::customers::lock_visible(
            &tx,
            event.customer_id,
            crate::model::role::CustomerScope::All,
        )
        .await?;
        if store::events::claim(&tx, event.id, now).await? {
            if let Some(customer) = customer {
                let purchased_at = event.payload["occurred_at"]
                    .as_str()
                    .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                    .map_or(event.occurred_at, |t| t.with_timezone(&Utc));
                schedule::on_trigger(
                    &tx,
                    &customer,
                    Trigger::AfterPurchase,
                    purchased_at,
                    event.id,
                    now,
                )
                .await?;
            }
            applied += 1;
        }
        tx.commit().await?;
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes() {
        assert!(is_currency_code("EUR"));
        assert!(!is_currency_code("eur"));
        assert!(!is_currency_code("EURO"));
    }
}
