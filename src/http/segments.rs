//! `/api/v1/segments`: named groups of customers.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::domain::segment::ops as segments;
use crate::dto::customer::{Customer, CustomerListQuery};
use crate::dto::page::{Page, PageQuery};
use crate::dto::segment::{
    MembersChange, MembersResult, PreviewRequest, PreviewResponse, Segment, SegmentCreate,
    SegmentListQuery, SegmentPatch,
};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{Busy, DeleteErrors, ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// List segments
///
/// Every segment, oldest first, optionally of one `kind`. Each carries `member_count`: the
/// members the caller can see, evaluated now (an agent counts only their own customers).
#[utoipa::path(
    tag = "segments",
    params(PageQuery, SegmentListQuery),
    responses((status = 200, description = "A page of segments", body = Page<Segment>), ListErrors, Busy),
    security(("bearer" = []))
)]
#[get("/segments")]
pub async fn list_segments(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<SegmentListQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let _evaluation = state.evaluations.enter(caller.0.id).await?;
    Ok(super::page(
        &segments::list(
            &state.db,
            state.reads.db(),
            &caller.0,
            query.0,
            page.0,
            state.clock.now(),
        )
        .await?,
    ))
}

/// Create a segment
///
/// Managers and admins. A dynamic segment's rule is checked on save; a 422 names the bad
/// part by its path in the tree.
#[utoipa::path(
    tag = "segments",
    request_body = SegmentCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Created", body = Segment), WriteErrors, Busy),
    security(("bearer" = []))
)]
#[post("/segments")]
pub async fn create_segment(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<SegmentCreate>,
) -> ApiResult<HttpResponse> {
    let _evaluation = state.evaluations.enter(caller.0.id).await?;
    let segment = segments::create(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/segments/{}", segment.id),
        segment.version,
        &segment,
    ))
}

/// Preview a rule
///
/// Counts the matching customers and returns the first page, without saving anything.
#[utoipa::path(
    tag = "segments",
    request_body = PreviewRequest,
    responses((status = 200, description = "Count and first page", body = PreviewResponse), WriteErrors, Busy),
    security(("bearer" = []))
)]
#[post("/segments/preview")]
pub async fn preview_segment(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<PreviewRequest>,
) -> ApiResult<HttpResponse> {
    let _evaluation = state.evaluations.enter(caller.0.id).await?;
    Ok(super::page(
        &segments::preview(state.reads.db(), &caller.0, body.0, state.clock.now()).await?,
    ))
}

/// Get a segment
///
/// With its rule and `member_count` evaluated now; the `ETag` is what a change or a delete
/// sends back in `If-Match`.
#[utoipa::path(
    tag = "segments",
    params(("id" = Uuid, Path, description = "Segment id")),
    responses((status = 200, description = "The segment", body = Segment), ReadErrors, Busy),
    security(("bearer" = []))
)]
#[get("/segments/{id}")]
pub async fn get_segment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let _evaluation = state.evaluations.enter(caller.0.id).await?;
    let segment = segments::get(
        &state.db,
        state.reads.db(),
        &caller.0,
        id.into_inner(),
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(segment.version, &segment))
}

/// Change a segment
///
/// Managers and admins. Name, description and (for a dynamic segment) rule; the kind never
/// changes. Needs `If-Match` with the segment's ETag (412 when it changed since); a new rule
/// is checked before anything is saved.
#[utoipa::path(
    tag = "segments",
    request_body = SegmentPatch,
    params(
        ("id" = Uuid, Path, description = "Segment id"),
        IfMatchHeader,
    ),
    responses((status = 200, description = "The changed segment", body = Segment), WriteErrors, Busy),
    security(("bearer" = []))
)]
#[patch("/segments/{id}")]
pub async fn update_segment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<SegmentPatch>,
) -> ApiResult<HttpResponse> {
    let _evaluation = state.evaluations.enter(caller.0.id).await?;
    let segment = segments::update(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(segment.version, &segment))
}

/// Delete a segment
///
/// Managers and admins, with `If-Match`. The customers stay; only the grouping goes.
#[utoipa::path(
    tag = "segments",
    params(
        ("id" = Uuid, Path, description = "Segment id"),
        IfMatchHeader,
    ),
    responses((status = 204, description = "Deleted"), DeleteErrors),
    security(("bearer" = []))
)]
#[delete("/segments/{id}")]
pub async fn delete_segment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    segments::delete(&state.db, &caller.0, id.into_inner(), &if_match.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add customers to a static segment
///
/// Up to 1000 ids per call; ids that name no customer are reported, not fatal.
#[utoipa::path(
    tag = "segments",
    request_body = MembersChange,
    params(("id" = Uuid, Path, description = "Segment id")),
    responses((status = 200, description = "What changed", body = MembersResult), WriteErrors),
    security(("bearer" = []))
)]
#[post("/segments/{id}/members")]
pub async fn add_segment_members(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<MembersChange>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &segments::change_members(
            &state.db,
            &caller.0,
            id.into_inner(),
            body.0,
            true,
            state.clock.now(),
        )
        .await?,
    ))
}

/// Remove customers from a static segment
///
/// Managers and admins. Up to 1000 ids per call; ids that were not members change nothing. A
/// dynamic segment's members follow its rule (409).
#[utoipa::path(
    tag = "segments",
    request_body = MembersChange,
    params(("id" = Uuid, Path, description = "Segment id")),
    responses((status = 200, description = "What changed", body = MembersResult), WriteErrors),
    security(("bearer" = []))
)]
#[delete("/segments/{id}/members")]
pub async fn remove_segment_members(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<MembersChange>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &segments::change_members(
            &state.db,
            &caller.0,
            id.into_inner(),
            body.0,
            false,
            state.clock.now(),
        )
        .await?,
    ))
}

/// List a segment's customers
///
/// With the customers list's filters, sort and pages; agents see their own customers only.
#[utoipa::path(
    tag = "segments",
    params(("id" = Uuid, Path, description = "Segment id"), PageQuery, CustomerListQuery),
    responses((status = 200, description = "A page of members", body = Page<Customer>), ListErrors, ReadErrors, Busy),
    security(("bearer" = []))
)]
#[get("/segments/{id}/customers")]
pub async fn list_segment_customers(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<CustomerListQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let _evaluation = state.evaluations.enter(caller.0.id).await?;
    Ok(super::page(
        &segments::members(
            &state.db,
            &caller.0,
            id.into_inner(),
            query.0,
            page.0,
            state.clock.now(),
        )
        .await?,
    ))
}
