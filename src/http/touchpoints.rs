//! `/api/v1/touchpoints`: the contacts each customer is owed.

use actix_web::{HttpResponse, get, patch, post, web};
use uuid::Uuid;

use crate::domain::campaign;
use crate::domain::customer::summary::embed;
use crate::domain::touchpoint::ops as touchpoints;
use crate::dto::expand::ExpandQuery;
use crate::dto::page::{Page, PageQuery};
use crate::dto::touchpoint::{
    CampaignCreate, CampaignResult, Touchpoint, TouchpointComplete, TouchpointCreate,
    TouchpointListQuery, TouchpointPatch, TouchpointSkip,
};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{Busy, ListErrors, ReadErrors, RecordActionErrors, WriteErrors};
use crate::http::state::AppState;

/// List touchpoints
///
/// Soonest first. Agents see the touchpoints of their own customers only. `overdue` is
/// judged at the time of the request.
#[utoipa::path(
    tag = "touchpoints",
    params(PageQuery, TouchpointListQuery, ExpandQuery),
    responses((status = 200, description = "A page of touchpoints", body = Page<Touchpoint>), ListErrors),
    security(("bearer" = []))
)]
#[get("/touchpoints")]
pub async fn list_touchpoints(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<TouchpointListQuery>,
    page: Query<PageQuery>,
    expand: Query<ExpandQuery>,
) -> ApiResult<HttpResponse> {
    let mut page =
        touchpoints::list(&state.db, &caller.0, query.0, page.0, state.clock.now()).await?;
    embed(&state.db, &caller.0, expand.0.get(), &mut page.items).await?;
    Ok(super::page(&page))
}

/// Schedule a touchpoint by hand
///
/// Assigned to the customer's owner unless `assignee_id` says otherwise; due exactly when
/// given (only generated touchpoints are moved into the contact window).
#[utoipa::path(
    tag = "touchpoints",
    request_body = TouchpointCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Created", body = Touchpoint), WriteErrors),
    security(("bearer" = []))
)]
#[post("/touchpoints")]
pub async fn create_touchpoint(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<TouchpointCreate>,
) -> ApiResult<HttpResponse> {
    let touchpoint = touchpoints::create(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/touchpoints/{}", touchpoint.id),
        touchpoint.version,
        &touchpoint,
    ))
}

/// Get a touchpoint
///
/// With `overdue` judged at the time of the request. Agents see only touchpoints assigned to
/// them (404 otherwise).
#[utoipa::path(
    tag = "touchpoints",
    params(("id" = Uuid, Path, description = "Touchpoint id")),
    responses((status = 200, description = "The touchpoint", body = Touchpoint), ReadErrors),
    security(("bearer" = []))
)]
#[get("/touchpoints/{id}")]
pub async fn get_touchpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let touchpoint =
        touchpoints::get(&state.db, &caller.0, id.into_inner(), state.clock.now()).await?;
    Ok(super::with_etag(touchpoint.version, &touchpoint))
}

/// Reschedule, reassign or annotate a touchpoint
///
/// Open touchpoints only (409 otherwise).
#[utoipa::path(
    tag = "touchpoints",
    request_body = TouchpointPatch,
    params(("id" = Uuid, Path, description = "Touchpoint id"), IfMatchHeader),
    responses((status = 200, description = "The changed touchpoint", body = Touchpoint), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/touchpoints/{id}")]
pub async fn update_touchpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<TouchpointPatch>,
) -> ApiResult<HttpResponse> {
    let touchpoint = touchpoints::update(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(touchpoint.version, &touchpoint))
}

/// Complete a touchpoint
///
/// Logs the interaction that fulfils it and closes it (`done`), in one transaction.
#[utoipa::path(
    tag = "touchpoints",
    request_body = TouchpointComplete,
    params(("id" = Uuid, Path, description = "Touchpoint id"), IdempotencyKeyHeader),
    responses((status = 200, description = "The completed touchpoint, with `interaction_id`", body = Touchpoint), WriteErrors),
    security(("bearer" = []))
)]
#[post("/touchpoints/{id}/complete")]
pub async fn complete_touchpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<TouchpointComplete>,
) -> ApiResult<HttpResponse> {
    let touchpoint = touchpoints::complete(
        &state.db,
        &caller.0,
        id.into_inner(),
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(touchpoint.version, &touchpoint))
}

/// Skip a touchpoint
///
/// Closes a scheduled touchpoint without a contact, for the `reason` given; the next
/// occurrence of a recurring series is scheduled as if it had been done. Only a scheduled
/// touchpoint can be skipped (409 otherwise).
#[utoipa::path(
    tag = "touchpoints",
    request_body = TouchpointSkip,
    params(("id" = Uuid, Path, description = "Touchpoint id"), IdempotencyKeyHeader),
    responses((status = 200, description = "The skipped touchpoint", body = Touchpoint), WriteErrors),
    security(("bearer" = []))
)]
#[post("/touchpoints/{id}/skip")]
pub async fn skip_touchpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<TouchpointSkip>,
) -> ApiResult<HttpResponse> {
    let touchpoint = touchpoints::skip(
        &state.db,
        &caller.0,
        id.into_inner(),
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(touchpoint.version, &touchpoint))
}

/// Cancel a touchpoint
///
/// Closes a scheduled touchpoint for good: a recurring series ends with it. Only a scheduled
/// touchpoint can be cancelled (409 otherwise).
#[utoipa::path(
    tag = "touchpoints",
    params(("id" = Uuid, Path, description = "Touchpoint id"), IdempotencyKeyHeader),
    responses((status = 200, description = "The cancelled touchpoint", body = Touchpoint), RecordActionErrors),
    security(("bearer" = []))
)]
#[post("/touchpoints/{id}/cancel")]
pub async fn cancel_touchpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let touchpoint =
        touchpoints::cancel(&state.db, &caller.0, id.into_inner(), state.clock.now()).await?;
    Ok(super::with_etag(touchpoint.version, &touchpoint))
}

/// Schedule a campaign for a segment
///
/// One touchpoint for every member of the segment (holiday greetings, an event invitation,
/// first access to a new product for loyal customers), each assigned to the customer's owner
/// and moved forward into the customer's contact window, in one transaction. Managers and
/// admins only; at most `RAPPORT_CAMPAIGN_MAX_MEMBERS` members (5000 unless configured; 422
/// on `segment_id` beyond). Send an `Idempotency-Key`
/// so that a retry does not schedule the campaign twice.
#[utoipa::path(
    tag = "touchpoints",
    request_body = CampaignCreate,
    params(("id" = Uuid, Path, description = "Segment id"), IdempotencyKeyHeader),
    responses((status = 200, description = "How many touchpoints were scheduled", body = CampaignResult), WriteErrors, Busy),
    security(("bearer" = []))
)]
#[post("/segments/{id}/touchpoints")]
pub async fn schedule_campaign(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<CampaignCreate>,
) -> ApiResult<HttpResponse> {
    let _evaluation = state.evaluations.enter(caller.0.id).await?;
    Ok(HttpResponse::Ok().json(
        campaign::schedule(
            &state.db,
            &caller.0,
            id.into_inner(),
            body.0,
            state.campaign_max_members,
            state.clock.now(),
        )
        .await?,
    ))
}
