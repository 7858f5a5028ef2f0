//! `/api/v1/complaints` and `/api/v1/sla-policies`: service repair and its deadlines.

use actix_web::{HttpResponse, get, patch, post, put, web};
use uuid::Uuid;

use crate::domain::complaint::{edit, events, ops, policy, transition};
use crate::domain::customer::summary::embed;
use crate::dto::complaint::{
    Complaint, ComplaintCreate, ComplaintEvent, ComplaintListQuery, ComplaintNote, ComplaintPatch,
    ComplaintTransition, SlaPolicy, SlaPolicyUpdate,
};
use crate::dto::expand::ExpandQuery;
use crate::dto::page::{Page, PageQuery};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{ListErrors, ReadErrors, TransitionErrors, WriteErrors};
use crate::http::state::AppState;

/// List complaints
///
/// Newest first unless `sort` says otherwise. Agents see the complaints of their own
/// customers only. `breached` is judged at the time of the request.
#[utoipa::path(
    tag = "complaints",
    params(PageQuery, ComplaintListQuery, ExpandQuery),
    responses((status = 200, description = "A page of complaints", body = Page<Complaint>), ListErrors),
    security(("bearer" = []))
)]
#[get("/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<ComplaintListQuery>,
    page: Query<PageQuery>,
    expand: Query<ExpandQuery>,
) -> ApiResult<HttpResponse> {
    let mut page = ops::list(&state.db, &caller.0, query.0, page.0, state.clock.now()).await?;
    embed(&state.db, &caller.0, expand.0.get(), &mut page.items).await?;
    Ok(super::page(&page))
}

/// Receive a complaint, suggestion or praise
///
/// Assigned to the customer's owner unless `assignee_id` says otherwise. The deadlines come
/// from the severity's SLA policy, counted from `received_at`.
#[utoipa::path(
    tag = "complaints",
    request_body = ComplaintCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Received", body = Complaint), WriteErrors),
    security(("bearer" = []))
)]
#[post("/complaints")]
pub async fn create_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<ComplaintCreate>,
) -> ApiResult<HttpResponse> {
    let complaint = ops::create(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/complaints/{}", complaint.id),
        complaint.version,
        &complaint,
    ))
}

/// Get a complaint
///
/// With its workflow status, deadlines and whether one is breached, judged at the time of the
/// request. Agents see complaints about their own customers only (404 otherwise).
#[utoipa::path(
    tag = "complaints",
    params(("id" = Uuid, Path, description = "Complaint id")),
    responses((status = 200, description = "The complaint", body = Complaint), ReadErrors),
    security(("bearer" = []))
)]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let complaint = ops::get(&state.db, &caller.0, id.into_inner(), state.clock.now()).await?;
    Ok(super::with_etag(complaint.version, &complaint))
}

/// Change a complaint's descriptive fields
///
/// Never its status (that is what transitions are for). A new severity recomputes both
/// deadlines from `received_at`, keeping the time spent waiting on the customer.
#[utoipa::path(
    tag = "complaints",
    request_body = ComplaintPatch,
    params(("id" = Uuid, Path, description = "Complaint id"), IfMatchHeader),
    responses((status = 200, description = "The changed complaint", body = Complaint), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/complaints/{id}")]
pub async fn update_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<ComplaintPatch>,
) -> ApiResult<HttpResponse> {
    let complaint = edit::update(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(complaint.version, &complaint))
}

/// Move a complaint through the workflow
///
/// `open → acknowledged → in_progress → resolved → closed`, `in_progress ⇄
/// waiting_on_customer`, `resolved → reopened → in_progress`. Acknowledging records the first
/// response; waiting pauses the SLA clock and resuming moves both deadlines by the time
/// waited; resolving needs a `resolution` (here or on the complaint) and schedules a
/// satisfaction follow-up for the assignee 3 days later; closing with `satisfaction_after` 1
/// or 2 reopens the complaint instead and gives the customer's owner a touchpoint. Any other
/// move is a 409 whose `allowed` lists the permitted targets.
#[utoipa::path(
    tag = "complaints",
    request_body = ComplaintTransition,
    params(("id" = Uuid, Path, description = "Complaint id"), IdempotencyKeyHeader),
    responses((status = 200, description = "The complaint in its new state", body = Complaint), TransitionErrors),
    security(("bearer" = []))
)]
#[post("/complaints/{id}/transitions")]
pub async fn transition_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ComplaintTransition>,
) -> ApiResult<HttpResponse> {
    let complaint = transition::transition(
        &state.db,
        &caller.0,
        id.into_inner(),
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(complaint.version, &complaint))
}

/// Add a note to a complaint's history
///
/// Notes change nothing in the workflow or the deadlines; they are kept, with their author
/// and time, among the complaint's events. Viewers cannot add them.
#[utoipa::path(
    tag = "complaints",
    request_body = ComplaintNote,
    params(("id" = Uuid, Path, description = "Complaint id"), IdempotencyKeyHeader),
    responses((status = 201, description = "The note, as a history entry", body = ComplaintEvent), WriteErrors),
    security(("bearer" = []))
)]
#[post("/complaints/{id}/notes")]
pub async fn add_complaint_note(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ComplaintNote>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let event = edit::add_note(&state.db, &caller.0, id, body.0, state.clock.now()).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/complaints/{id}/events"),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(event))
}

/// List a complaint's history
///
/// Every change (received, transitions, assignments, escalations, notes, satisfaction,
/// edits) with actor, time and note, oldest first.
#[utoipa::path(
    tag = "complaints",
    params(("id" = Uuid, Path, description = "Complaint id"), PageQuery),
    responses((status = 200, description = "A page of history entries", body = Page<ComplaintEvent>), ListErrors, ReadErrors),
    security(("bearer" = []))
)]
#[get("/complaints/{id}/events")]
pub async fn list_complaint_events(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &events::list(&state.db, &caller.0, id.into_inner(), page.0).await?,
    ))
}

/// List the SLA policies
///
/// The deadlines of each severity, most severe first.
#[utoipa::path(
    tag = "complaints",
    responses((status = 200, description = "Every severity's policy", body = Page<SlaPolicy>), ListErrors),
    security(("bearer" = []))
)]
#[get("/sla-policies")]
pub async fn list_sla_policies(
    state: web::Data<AppState>,
    _caller: Caller,
) -> ApiResult<HttpResponse> {
    Ok(super::page(&policy::list(&state.db).await?))
}

/// Get a severity's SLA policy
///
/// Minutes to a first response and to a resolution for complaints of that severity. The
/// `ETag` is what an admin's change sends back in `If-Match`.
#[utoipa::path(
    tag = "complaints",
    params(("severity" = crate::model::complaint::Severity, Path, description = "Severity")),
    responses((status = 200, description = "The policy", body = SlaPolicy), ReadErrors),
    security(("bearer" = []))
)]
#[get("/sla-policies/{severity}")]
pub async fn get_sla_policy(
    state: web::Data<AppState>,
    _caller: Caller,
    severity: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let policy = policy::get(&state.db, &severity).await?;
    Ok(super::with_etag(policy.version, &policy))
}

/// Change a severity's SLA policy
///
/// Admins. Applies to complaints received from now on, and to complaints whose severity is
/// changed later; deadlines already set stay.
#[utoipa::path(
    tag = "complaints",
    request_body = SlaPolicyUpdate,
    params(("severity" = crate::model::complaint::Severity, Path, description = "Severity"), IfMatchHeader),
    responses((status = 200, description = "The changed policy", body = SlaPolicy), WriteErrors),
    security(("bearer" = []))
)]
#[put("/sla-policies/{severity}")]
pub async fn update_sla_policy(
    state: web::Data<AppState>,
    caller: Caller,
    severity: web::Path<String>,
    if_match: IfMatch,
    body: Json<SlaPolicyUpdate>,
) -> ApiResult<HttpResponse> {
    let policy = policy::update(
        &state.db,
        &caller.0,
        &severity,
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(policy.version, &policy))
}
