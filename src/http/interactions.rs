//! `/api/v1/interactions`: the timeline of contacts with customers.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::domain::customer::summary::embed;
use crate::domain::interaction::ops as interactions;
use crate::dto::expand::CustomerExpandQuery;
use crate::dto::interaction::{
    Interaction, InteractionCreate, InteractionListQuery, InteractionPatch,
};
use crate::dto::page::{Page, PageQuery};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{DeleteErrors, ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// List interactions
///
/// Newest first. Agents see the interactions of the customers they own.
#[utoipa::path(
    tag = "interactions",
    params(PageQuery, InteractionListQuery, CustomerExpandQuery),
    responses((status = 200, description = "A page of interactions", body = Page<Interaction>), ListErrors),
    security(("bearer" = []))
)]
#[get("/interactions")]
pub async fn list_interactions(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<InteractionListQuery>,
    page: Query<PageQuery>,
    expand: Query<CustomerExpandQuery>,
) -> ApiResult<HttpResponse> {
    let mut page = interactions::list(&state.db, &caller.0, query.0, page.0).await?;
    embed(&state.db, &caller.0, expand.0.get(), &mut page.items).await?;
    Ok(super::page(&page))
}

/// Log an interaction
///
/// Updates the customer's `last_contacted_at` (and inbound/outbound times) when it is the
/// newest contact.
#[utoipa::path(
    tag = "interactions",
    request_body = InteractionCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Logged", body = Interaction), WriteErrors),
    security(("bearer" = []))
)]
#[post("/interactions")]
pub async fn create_interaction(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<InteractionCreate>,
) -> ApiResult<HttpResponse> {
    let interaction = interactions::create(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/interactions/{}", interaction.id),
        interaction.version,
        &interaction,
    ))
}

/// Get an interaction
///
/// Agents see interactions with their own customers only (404 otherwise). The `ETag` is what a
/// change sends back in `If-Match`.
#[utoipa::path(
    tag = "interactions",
    params(("id" = Uuid, Path, description = "Interaction id")),
    responses((status = 200, description = "The interaction", body = Interaction), ReadErrors),
    security(("bearer" = []))
)]
#[get("/interactions/{id}")]
pub async fn get_interaction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let interaction = interactions::get(&state.db, &caller.0, id.into_inner()).await?;
    Ok(super::with_etag(interaction.version, &interaction))
}

/// Change an interaction
///
/// Corrects what was logged: channel, direction, time (never in the future), subject, summary,
/// outcome, satisfaction. Needs `If-Match`; the customer's last-contact times follow the
/// change. Viewers cannot change records.
#[utoipa::path(
    tag = "interactions",
    request_body = InteractionPatch,
    params(
        ("id" = Uuid, Path, description = "Interaction id"),
        IfMatchHeader,
    ),
    responses((status = 200, description = "The changed interaction", body = Interaction), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/interactions/{id}")]
pub async fn update_interaction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<InteractionPatch>,
) -> ApiResult<HttpResponse> {
    let interaction = interactions::update(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(interaction.version, &interaction))
}

/// Delete an interaction
///
/// The customer's contact times are recomputed from the interactions that remain.
#[utoipa::path(
    tag = "interactions",
    params(
        ("id" = Uuid, Path, description = "Interaction id"),
        IfMatchHeader,
    ),
    responses((status = 204, description = "Deleted"), DeleteErrors),
    security(("bearer" = []))
)]
#[delete("/interactions/{id}")]
pub async fn delete_interaction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    interactions::delete(&state.db, &caller.0, id.into_inner(), &if_match.0).await?;
    Ok(HttpResponse::NoContent().finish())
}
