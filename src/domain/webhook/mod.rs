//! Webhooks: endpoints that receive the event feed as Standard Webhooks requests, managed by
//! admins. Saving an endpoint checks its URL against the outbound policy (`target`); the
//! worker in `delivery` sends, retries and turns off endpoints that keep failing.

pub mod delivery;
pub mod signature;
pub mod target;

use chrono::{DateTime, Utc};
use entity::{webhook_attempts, webhook_deliveries, webhooks};
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::page::keyset;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::page::{Page, PageQuery};
use crate::dto::webhook::{
    Delivery, DeliveryAttempt, DeliveryQuery, DeliveryState, SecretRotation, Webhook,
    WebhookCreate, WebhookCreated, WebhookPatch, WebhookRotated,
};
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::event::EventType;
use crate::model::role::Actor;
use crate::store;
use target::Policy;

const MANAGE: &str = "manage webhooks";

/// The event type of a ping, which is not one of the feed's.
pub const PING: &str = "webhook.ping";

/// How much of the secret is shown to tell secrets apart: the prefix and 4 characters.
const SHOWN_CHARS: usize = signature::SECRET_PREFIX.len() + 4;

const DEFAULT_GRACE_HOURS: i64 = 24;

fn to_dto(hook: webhooks::Model, now: DateTime<Utc>) -> DomainResult<Webhook> {
    let names: Vec<String> = serde_json::from_value(hook.event_types.clone()).unwrap_or_default();
    Ok(Webhook {
        id: hook.id,
        event_types: names
            .iter()
            .map(|n| EventType::from_stored(n))
            .collect::<DomainResult<_>>()?,
        url: hook.url,
        active: hook.active,
        description: hook.description,
        disabled_reason: hook.disabled_reason,
        failing_since: hook.failing_since,
        secret_prefix: hook.secret[..SHOWN_CHARS.min(hook.secret.len())].to_string(),
        previous_secret_expires_at: hook.previous_secret_expires_at.filter(|until| *until > now),
        created_by: hook.created_by,
        version: hook.version,
        created_at: hook.created_at,
        updated_at: hook.updated_at,
    })
}

/// The types, without repeats, as stored.
fn stored_types(types: &[EventType]) -> serde_json::Value {
    let mut kept: Vec<&str> = Vec::new();
    for t in types {
        if !kept.contains(&t.as_str()) {
            kept.push(t.as_str());
        }
    }
    serde_json::json!(kept)
}

fn blank_description(description: &Option<String>, errors: &mut Vec<FieldError>) {
    if description.as_deref().is_some_and(|d| d.trim().is_empty()) {
        errors.push(FieldError::blank("description"));
    }
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    policy: &Policy,
    actor: &Actor,
    input: WebhookCreate,
    now: DateTime<Utc>,
) -> DomainResult<WebhookCreated> {
    actor.ensure_admin(MANAGE)?;
    let mut errors = Vec::new();
    if let Err(e) = policy.check(input.url.trim()).await {
        errors.push(e);
    }
    blank_description(&input.description, &mut errors);
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let secret = signature::new_secret();
    // A new endpoint receives what happens from now on.
    let (cursor_tx, cursor_seq) = store::feed::end(db).await?;
    let row = webhooks::ActiveModel {
        id: Set(Uuid::now_v7()),
        url: Set(input.url.trim().to_string()),
        event_types: Set(stored_types(
            input.event_types.as_deref().unwrap_or_default(),
        )),
        active: Set(input.active.unwrap_or(true)),
        description: Set(input.description),
        secret: Set(secret.clone()),
        previous_secret: Set(None),
        previous_secret_expires_at: Set(None),
        disabled_reason: Set(None),
        failing_since: Set(None),
        cursor_tx: Set(cursor_tx),
        cursor_seq: Set(cursor_seq),
        created_by: Set(actor.id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let hook = store::webhooks::insert(db, row).await?;
    Ok(WebhookCreated {
        webhook: to_dto(hook, now)?,
        secret,
    })
}

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<Webhook>> {
    actor.ensure_admin(MANAGE)?;
    let page = page.request::<Uuid>()?;
    let rows = store::webhooks::list(db, page.after, page.limit).await?;
    keyset(rows, |h| h.id).try_map(|h| to_dto(h, now))
}

async fn found(db: &DatabaseConnection, id: Uuid) -> DomainResult<webhooks::Model> {
    store::webhooks::find(db, id)
        .await?
        .ok_or_else(|| DomainError::not_found("webhook"))
}

pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Webhook> {
    actor.ensure_admin(MANAGE)?;
    to_dto(found(db, id).await?, now)
}

/// The endpoint, locked for change, if it is at the version the caller read.
async fn locked(
    tx: &DatabaseTransaction,
    id: Uuid,
    precondition: &Precondition,
) -> DomainResult<webhooks::Model> {
    let current = store::versioned::lock::<webhooks::Entity, _>(tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("webhook"))?;
    precondition.check(current.version)?;
    Ok(current)
}

/// Writes the change to the locked endpoint and reads it back.
async fn write(
    tx: &DatabaseTransaction,
    current: &webhooks::Model,
    model: webhooks::ActiveModel,
) -> DomainResult<webhooks::Model> {
    ensure_written(
        store::versioned::update_if_version(tx, current.id, current.version, model).await?,
        "webhook",
    )?;
    store::webhooks::find(tx, current.id)
        .await?
        .ok_or_else(|| DomainError::not_found("webhook"))
}

#[tracing::instrument(skip_all, fields(webhook.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    policy: &Policy,
    actor: &Actor,
    id: Uuid,
    patch: WebhookPatch,
    precondition: &Precondition,
    now: DateTime<Utc>,
) -> DomainResult<Webhook> {
    actor.ensure_admin(MANAGE)?;
    let mut errors = Vec::new();
    if let Some(url) = &patch.url
        && let Err(e) = policy.check(url.trim()).await
    {
        errors.push(e);
    }
    if let Some(description) = &patch.description {
        blank_description(description, &mut errors);
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let tx = begin_write(db).await?;
    let current = locked(&tx, id, precondition).await?;
    let mut model = webhooks::ActiveModel {
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(url) = patch.url {
        model.url = Set(url.trim().to_string());
    }
    if let Some(types) = patch.event_types {
        model.event_types = Set(stored_types(&types));
    }
    if let Some(active) = patch.active {
        model.active = Set(active);
        if active {
            // Turned back on by a person: its failures so far no longer count against it.
            model.disabled_reason = Set(None);
            model.failing_since = Set(None);
        }
    }
    if let Some(description) = patch.description {
        model.description = Set(description);
    }
    let hook = write(&tx, &current, model).await?;
    tx.commit().await?;
    to_dto(hook, now)
}

/// Removes the endpoint, its deliveries and their log.
#[tracing::instrument(skip_all, fields(webhook.id = %id))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
) -> DomainResult<()> {
    actor.ensure_admin(MANAGE)?;
    let tx = begin_write(db).await?;
    locked(&tx, id, precondition).await?;
    store::webhooks::delete(&tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// A new signing secret; the old one keeps signing beside it for the grace period.
#[tracing::instrument(skip_all, fields(webhook.id = %id))]
pub async fn rotate_secret(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    rotation: SecretRotation,
    precondition: &Precondition,
    now: DateTime<Utc>,
) -> DomainResult<WebhookRotated> {
    actor.ensure_admin(MANAGE)?;
    let grace = chrono::Duration::hours(rotation.grace_hours.unwrap_or(DEFAULT_GRACE_HOURS));
    let tx = begin_write(db).await?;
    let current = locked(&tx, id, precondition).await?;
    let secret = signature::new_secret();
    let keep_old = grace > chrono::Duration::zero();
    let model = webhooks::ActiveModel {
        secret: Set(secret.clone()),
        previous_secret: Set(keep_old.then(|| current.secret.clone())),
        previous_secret_expires_at: Set(keep_old.then_some(now + grace)),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    let hook = write(&tx, &current, model).await?;
    tx.commit().await?;
    Ok(WebhookRotated {
        webhook: to_dto(hook, now)?,
        secret,
    })
}

fn delivery_dto(
    d: webhook_deliveries::Model,
    log: Vec<webhook_attempts::Model>,
) -> DomainResult<Delivery> {
    let state = DeliveryState::from_stored(&d.state)?;
    Ok(Delivery {
        id: d.id,
        webhook_id: d.webhook_id,
        event_id: d.event_id,
        event_type: d.event_type,
        customer_id: d.customer_id,
        state,
        attempts: d.attempts,
        next_attempt_at: (state == DeliveryState::Pending).then_some(d.next_attempt_at),
        give_up_at: d.give_up_at,
        delivered_at: d.delivered_at,
        created_at: d.created_at,
        log: log
            .into_iter()
            .map(|a| DeliveryAttempt {
                number: a.number,
                at: a.at,
                status_code: a.status_code,
                latency_ms: a.latency_ms,
                error: a.error,
                response_body: a.response_body,
            })
            .collect(),
    })
}

async fn with_log(
    db: &DatabaseConnection,
    rows: Vec<webhook_deliveries::Model>,
) -> DomainResult<Vec<Delivery>> {
    let ids: Vec<Uuid> = rows.iter().map(|d| d.id).collect();
    // Read oldest first, so each delivery's log keeps that order.
    let mut logs: std::collections::HashMap<Uuid, Vec<webhook_attempts::Model>> =
        std::collections::HashMap::new();
    for attempt in store::webhooks::attempts_of(db, &ids).await? {
        logs.entry(attempt.delivery_id).or_default().push(attempt);
    }
    rows.into_iter()
        .map(|d| {
            let log = logs.remove(&d.id).unwrap_or_default();
            delivery_dto(d, log)
        })
        .collect()
}

/// The endpoint's deliveries, newest first, each with its log of tries.
pub async fn deliveries(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    filter: DeliveryQuery,
    page: PageQuery,
) -> DomainResult<Page<Delivery>> {
    actor.ensure_admin(MANAGE)?;
    let page = page.request::<Uuid>()?;
    found(db, id).await?;
    let rows = store::webhooks::deliveries(
        db,
        id,
        store::webhooks::DeliveryFilter {
            state: filter.state.map(DeliveryState::as_str),
            event_id: filter.event_id,
        },
        page.after,
        page.limit,
    )
    .await?;
    let page = keyset(rows, |d| d.id);
    let items = with_log(db, page.items).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

async fn one_delivery(db: &DatabaseConnection, webhook: Uuid, id: Uuid) -> DomainResult<Delivery> {
    let d = store::webhooks::delivery(db, webhook, id)
        .await?
        .ok_or_else(|| DomainError::not_found("delivery"))?;
    Ok(with_log(db, vec![d]).await?.remove(0))
}

fn ensure_active(hook: &webhooks::Model) -> DomainResult<()> {
    if hook.active {
        Ok(())
    } else {
        Err(DomainError::conflict(
            "the endpoint is not active; turn it on (PATCH active: true) first",
        ))
    }
}

/// Sends the delivery again as soon as the worker comes to it: a failed one is tried once
/// more, a delivered one is delivered again (same `webhook-id`), a pending one is tried now.
#[tracing::instrument(skip_all, fields(webhook.id = %webhook, delivery.id = %id))]
pub async fn retry(
    db: &DatabaseConnection,
    actor: &Actor,
    webhook: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Delivery> {
    actor.ensure_admin(MANAGE)?;
    let hook = found(db, webhook).await?;
    ensure_active(&hook)?;
    let d = store::webhooks::delivery(db, webhook, id)
        .await?
        .ok_or_else(|| DomainError::not_found("delivery"))?;
    store::webhooks::requeue(db, d.id, now, d.give_up_at.max(now)).await?;
    one_delivery(db, webhook, id).await
}

/// Queues a `webhook.ping` delivery, sent like any other, to check an endpoint.
#[tracing::instrument(skip_all, fields(webhook.id = %webhook))]
pub async fn ping(
    db: &DatabaseConnection,
    actor: &Actor,
    webhook: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Delivery> {
    actor.ensure_admin(MANAGE)?;
    let hook = found(db, webhook).await?;
    ensure_active(&hook)?;
    let event_id = Uuid::now_v7();
    let body = serde_json::json!({
        "id": event_id,
        "type": PING,
        "occurred_at": now,
        "actor": {"type": actor.recorded().kind, "id": actor.recorded().id},
        "subject_id": hook.id,
        "customer_id": null,
        "data": {"webhook_id": hook.id, "url": hook.url},
    });
    let row = store::webhooks::add_delivery(
        db,
        webhook_deliveries::ActiveModel {
            id: Set(Uuid::now_v7()),
            webhook_id: Set(hook.id),
            event_id: Set(event_id),
            event_type: Set(PING.into()),
            customer_id: Set(None),
            event_tx: Set(0),
            event_seq: Set(0),
            body: Set(body.to_string()),
            state: Set(DeliveryState::Pending.as_str().into()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            // A ping is tried once: it asks whether the endpoint answers now.
            give_up_at: Set(now),
            lease_id: Set(None),
            lease_until: Set(None),
            last_status: Set(None),
            last_error: Set(None),
            delivered_at: Set(None),
            created_at: Set(now),
        },
    )
    .await?;
    delivery_dto(row, Vec::new())
}
