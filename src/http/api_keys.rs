//! `/api/v1/api-keys`: keys for integrations, managed by admins.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::domain::api_key as keys;
use crate::dto::api_key::{ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyPatch};
use crate::dto::page::{Page, PageQuery};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{DeleteErrors, ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// List API keys
///
/// Admins only. Oldest first, revoked ones included (with `revoked_at`); secrets are never
/// shown, only their `prefix`.
#[utoipa::path(
    tag = "api-keys",
    params(PageQuery),
    responses((status = 200, description = "A page of API keys", body = Page<ApiKey>), ListErrors),
    security(("bearer" = []))
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    caller: Caller,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &keys::list(&state.db, &caller.0, page.0).await?,
    ))
}

/// Create an API key
///
/// Admins only. The answer carries the `secret` (`rk_…`) this once: only its hash is stored.
/// An integration sends it as `Authorization: Bearer <secret>` on every route a person's
/// token can use, except users, keys, `/me` and the scheduler. It acts with `role` for
/// `owner_id` (an agent key sees that agent's customers) within `scopes`; its writes name the
/// key as their actor.
#[utoipa::path(
    tag = "api-keys",
    request_body = ApiKeyCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Created; the secret is shown this once", body = ApiKeyCreated), WriteErrors),
    security(("bearer" = []))
)]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<ApiKeyCreate>,
) -> ApiResult<HttpResponse> {
    let created = keys::create(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/api-keys/{}", created.key.id),
        created.key.version,
        &created,
    ))
}

/// Get an API key
///
/// Admins only; without its secret.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "API key id")),
    responses((status = 200, description = "The API key", body = ApiKey), ReadErrors),
    security(("bearer" = []))
)]
#[get("/api-keys/{id}")]
pub async fn get_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let key = keys::get(&state.db, &caller.0, id.into_inner()).await?;
    Ok(super::with_etag(key.version, &key))
}

/// Change an API key
///
/// Admins only: its name, description, scopes or expiry (its role and owner stay; make a new
/// key for another). A revoked key cannot be changed (409).
#[utoipa::path(
    tag = "api-keys",
    request_body = ApiKeyPatch,
    params(("id" = Uuid, Path, description = "API key id"), IfMatchHeader),
    responses((status = 200, description = "The changed API key", body = ApiKey), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/api-keys/{id}")]
pub async fn update_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<ApiKeyPatch>,
) -> ApiResult<HttpResponse> {
    let key = keys::update(
        &state.db,
        &caller.0,
        id.into_inner(),
        body.0,
        &if_match.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(key.version, &key))
}

/// Revoke an API key
///
/// Admins only. The key is refused from the next request on, on every replica; the record
/// stays with `revoked_at`. Revoking a revoked key again changes nothing.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "API key id"), IfMatchHeader),
    responses((status = 204, description = "Revoked"), DeleteErrors),
    security(("bearer" = []))
)]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    keys::revoke(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
