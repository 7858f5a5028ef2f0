//! `/api/v1/webhooks`: endpoints that receive the event feed, managed by admins.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::domain::webhook as hooks;
use crate::dto::page::{Page, PageQuery};
use crate::dto::webhook::{
    Delivery, DeliveryQuery, SecretRotation, Webhook, WebhookCreate, WebhookCreated, WebhookPatch,
    WebhookRotated,
};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{
    DeleteErrors, ListErrors, ReadErrors, RecordActionErrors, WriteErrors,
};
use crate::http::state::AppState;

/// List webhook endpoints
///
/// Admins only. Oldest first; secrets are never shown, only their `secret_prefix`.
#[utoipa::path(
    tag = "webhooks",
    params(PageQuery),
    responses((status = 200, description = "A page of endpoints", body = Page<Webhook>), ListErrors),
    security(("bearer" = []))
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    caller: Caller,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &hooks::list(&state.db, &caller.0, page.0, state.clock.now()).await?,
    ))
}

/// Subscribe an endpoint
///
/// Admins only. From now on every event of `event_types` (all when empty) is sent to `url`
/// as a Standard Webhooks request: `POST`, the event as the body (see the document's
/// `webhooks`), headers `webhook-id` (the event id, the same on every retry),
/// `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256>` of
/// `<id>.<timestamp>.<body>` with the `secret` answered here, this once). A `2xx` answer is
/// success; anything else, or no answer within 10 s, is retried with exponential backoff
/// and jitter for 24 hours, one customer's events in order. An endpoint failing for longer
/// than `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS` (72) is turned off. `url` must be https and
/// resolve to public addresses only (422 naming `url`), unless the configuration allows it.
#[utoipa::path(
    tag = "webhooks",
    request_body = WebhookCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Subscribed; the secret is shown this once", body = WebhookCreated), WriteErrors),
    security(("bearer" = []))
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<WebhookCreate>,
) -> ApiResult<HttpResponse> {
    let created = hooks::create(
        &state.db,
        state.scheduler.webhooks.policy(),
        &caller.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::created(
        format!("/api/v1/webhooks/{}", created.webhook.id),
        created.webhook.version,
        &created,
    ))
}

/// Get a webhook endpoint
///
/// Admins only; without its secret.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id")),
    responses((status = 200, description = "The endpoint", body = Webhook), ReadErrors),
    security(("bearer" = []))
)]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let hook = hooks::get(&state.db, &caller.0, id.into_inner(), state.clock.now()).await?;
    Ok(super::with_etag(hook.version, &hook))
}

/// Change a webhook endpoint
///
/// Admins only: its URL (checked again), event types, description, or `active`. Turning a
/// disabled endpoint back on clears `disabled_reason`; what it missed while off is
/// delivered, oldest first.
#[utoipa::path(
    tag = "webhooks",
    request_body = WebhookPatch,
    params(("id" = Uuid, Path, description = "Webhook id"), IfMatchHeader),
    responses((status = 200, description = "The changed endpoint", body = Webhook), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<WebhookPatch>,
) -> ApiResult<HttpResponse> {
    let hook = hooks::update(
        &state.db,
        state.scheduler.webhooks.policy(),
        &caller.0,
        id.into_inner(),
        body.0,
        &if_match.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(hook.version, &hook))
}

/// Remove a webhook endpoint
///
/// Admins only. Nothing more is sent to it; its deliveries and their log are removed.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id"), IfMatchHeader),
    responses((status = 204, description = "Removed"), DeleteErrors),
    security(("bearer" = []))
)]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    hooks::delete(&state.db, &caller.0, id.into_inner(), &if_match.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Rotate the signing secret
///
/// Admins only. Answers the new secret, this once. For `grace_hours` (24 by default) the
/// old secret signs too: `webhook-signature` then carries both signatures, so a receiver
/// verifies with either while it changes over. Send `{}` for the default.
#[utoipa::path(
    tag = "webhooks",
    request_body = SecretRotation,
    params(("id" = Uuid, Path, description = "Webhook id"), IfMatchHeader, IdempotencyKeyHeader),
    responses((status = 200, description = "The endpoint and its new secret, shown this once", body = WebhookRotated), WriteErrors),
    security(("bearer" = []))
)]
#[post("/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<SecretRotation>,
) -> ApiResult<HttpResponse> {
    let rotated = hooks::rotate_secret(
        &state.db,
        &caller.0,
        id.into_inner(),
        body.0,
        &if_match.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(rotated.webhook.version, &rotated))
}

/// List an endpoint's deliveries
///
/// Admins only. Newest first, each with its log of tries (time, status code, latency,
/// error, the start of the answer's body).
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id"), DeliveryQuery, PageQuery),
    responses((status = 200, description = "A page of deliveries", body = Page<Delivery>), ReadErrors, ListErrors),
    security(("bearer" = []))
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    filter: Query<DeliveryQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &hooks::deliveries(&state.db, &caller.0, id.into_inner(), filter.0, page.0).await?,
    ))
}

/// Send a delivery again
///
/// Admins only. The worker tries it as soon as it comes to it: a failed delivery once more,
/// a delivered one again (receivers deduplicate by `webhook-id`). 409 when the endpoint is
/// not active.
#[utoipa::path(
    tag = "webhooks",
    params(
        ("id" = Uuid, Path, description = "Webhook id"),
        ("delivery_id" = Uuid, Path, description = "Delivery id"),
        IdempotencyKeyHeader
    ),
    responses((status = 202, description = "Queued; the delivery as it now stands", body = Delivery), RecordActionErrors),
    security(("bearer" = []))
)]
#[post("/webhooks/{id}/deliveries/{delivery_id}/retry")]
pub async fn retry_webhook_delivery(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, delivery) = path.into_inner();
    let queued = hooks::retry(&state.db, &caller.0, id, delivery, state.clock.now()).await?;
    Ok(HttpResponse::Accepted().json(queued))
}

/// Ping an endpoint
///
/// Admins only. Queues a `webhook.ping` delivery (see the document's `webhooks`), signed
/// and sent like any other and tried once; its outcome shows in the delivery log. 409 when
/// the endpoint is not active.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Webhook id"), IdempotencyKeyHeader),
    responses((status = 202, description = "Queued", body = Delivery), RecordActionErrors),
    security(("bearer" = []))
)]
#[post("/webhooks/{id}/ping")]
pub async fn ping_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let queued = hooks::ping(&state.db, &caller.0, id.into_inner(), state.clock.now()).await?;
    Ok(HttpResponse::Accepted().json(queued))
}
