//! A customer's owner, history and timeline.

use actix_web::{HttpResponse, get, put, web};
use uuid::Uuid;

use crate::domain::customer::summary::embed;
use crate::domain::customer::{history, ownership, timeline};
use crate::dto::customer::Customer;
use crate::dto::expand::CustomerExpandQuery;
use crate::dto::page::Page;
use crate::dto::page::PageQuery;
use crate::dto::relationship::{Handoff, HistoryEntry, OwnerChange, TimelineItem};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::IfMatchHeader;
use crate::http::responses::{ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// Hand a customer over to another owner
///
/// Managers and admins. The hand-off is recorded and the customer's open work moves to the
/// new owner in the same transaction. Naming the current owner changes nothing.
#[utoipa::path(
    tag = "customers",
    request_body = OwnerChange,
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        IfMatchHeader,
    ),
    responses((status = 200, description = "The customer with its new owner", body = Customer), WriteErrors),
    security(("bearer" = []))
)]
#[put("/customers/{id}/owner")]
pub async fn change_customer_owner(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<OwnerChange>,
) -> ApiResult<HttpResponse> {
    let customer = ownership::change_owner(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(customer.version, &customer))
}

/// List a customer's hand-offs
///
/// Newest first: who had this customer when.
#[utoipa::path(
    tag = "customers",
    params(("id" = Uuid, Path, description = "Customer id"), PageQuery),
    responses((status = 200, description = "A page of hand-offs", body = Page<Handoff>), ListErrors, ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/owner-history")]
pub async fn list_owner_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &ownership::owner_history(&state.db, &caller.0, id.into_inner(), query.0).await?,
    ))
}

/// List a customer's changes of tier, lifecycle stage, status and owner
///
/// Oldest first, with actor, time and reason.
#[utoipa::path(
    tag = "customers",
    params(("id" = Uuid, Path, description = "Customer id"), PageQuery),
    responses((status = 200, description = "A page of changes", body = Page<HistoryEntry>), ListErrors, ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/history")]
pub async fn list_customer_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &history::list(&state.db, &caller.0, id.into_inner(), query.0).await?,
    ))
}

/// A customer's timeline
///
/// Interactions, purchases and hand-offs merged, newest first, paginated across kinds.
#[utoipa::path(
    tag = "customers",
    params(("id" = Uuid, Path, description = "Customer id"), PageQuery, CustomerExpandQuery),
    responses((status = 200, description = "A page of the timeline", body = Page<TimelineItem>), ListErrors, ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/timeline")]
pub async fn get_customer_timeline(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
    expand: Query<CustomerExpandQuery>,
) -> ApiResult<HttpResponse> {
    let mut page = timeline::list(
        &state.db,
        &caller.0,
        id.into_inner(),
        query.0,
        state.clock.now(),
    )
    .await?;
    embed(&state.db, &caller.0, expand.0.get(), &mut page.items).await?;
    Ok(super::page(&page))
}
