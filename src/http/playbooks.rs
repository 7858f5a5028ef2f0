//! `/api/v1/playbooks`: the cadences touchpoints are generated from.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::domain::playbook as playbooks;
use crate::dto::page::{Page, PageQuery};
use crate::dto::playbook::{Playbook, PlaybookCreate, PlaybookListQuery, PlaybookPatch};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{DeleteErrors, ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// List playbooks
///
/// Everyone reads playbooks; an agent sees personal plans of their own customers only.
#[utoipa::path(
    tag = "playbooks",
    params(PageQuery, PlaybookListQuery),
    responses((status = 200, description = "A page of playbooks", body = Page<Playbook>), ListErrors),
    security(("bearer" = []))
)]
#[get("/playbooks")]
pub async fn list_playbooks(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<PlaybookListQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &playbooks::list(&state.db, &caller.0, query.0, page.0).await?,
    ))
}

/// Create a playbook
///
/// Managers and admins. For a tier, for every tier (no `tier`), or as one customer's personal
/// plan (`customer_id`), which replaces the tier's playbooks for that customer.
#[utoipa::path(
    tag = "playbooks",
    request_body = PlaybookCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Created", body = Playbook), WriteErrors),
    security(("bearer" = []))
)]
#[post("/playbooks")]
pub async fn create_playbook(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<PlaybookCreate>,
) -> ApiResult<HttpResponse> {
    let playbook = playbooks::create(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/playbooks/{}", playbook.id),
        playbook.version,
        &playbook,
    ))
}

/// Get a playbook
///
/// Its trigger, the tier (or key account) it applies to and its ordered steps. The `ETag` is
/// what a change sends back in `If-Match`.
#[utoipa::path(
    tag = "playbooks",
    params(("id" = Uuid, Path, description = "Playbook id")),
    responses((status = 200, description = "The playbook", body = Playbook), ReadErrors),
    security(("bearer" = []))
)]
#[get("/playbooks/{id}")]
pub async fn get_playbook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let playbook = playbooks::get(&state.db, &caller.0, id.into_inner()).await?;
    Ok(super::with_etag(playbook.version, &playbook))
}

/// Change a playbook
///
/// Managers and admins; scope (`tier`, `customer_id`) is fixed at creation. Edits of a
/// seeded default are kept: seeding never overwrites them.
#[utoipa::path(
    tag = "playbooks",
    request_body = PlaybookPatch,
    params(("id" = Uuid, Path, description = "Playbook id"), IfMatchHeader),
    responses((status = 200, description = "The changed playbook", body = Playbook), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/playbooks/{id}")]
pub async fn update_playbook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<PlaybookPatch>,
) -> ApiResult<HttpResponse> {
    let playbook = playbooks::update(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(playbook.version, &playbook))
}

/// Delete a playbook
///
/// Managers and admins. A deleted default is not seeded again.
#[utoipa::path(
    tag = "playbooks",
    params(("id" = Uuid, Path, description = "Playbook id"), IfMatchHeader),
    responses((status = 204, description = "Deleted"), DeleteErrors),
    security(("bearer" = []))
)]
#[delete("/playbooks/{id}")]
pub async fn delete_playbook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    playbooks::delete(&state.db, &caller.0, id.into_inner(), &if_match.0).await?;
    Ok(HttpResponse::NoContent().finish())
}
