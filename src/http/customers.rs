//! `/api/v1/customers`: the customer database.

use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::domain::customer::ops;
use crate::dto::customer::{Customer, CustomerCreate, CustomerListQuery, CustomerPatch};
use crate::dto::duplicate::{CustomerCreateQuery, CustomerCreated};
use crate::dto::page::{Page, PageQuery};
use crate::http::error::ApiResult;
use crate::http::extract::{Bearer, Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{
    Busy, CustomerReadErrors, DeleteErrors, DuplicateRefused, ListErrors, WriteErrors,
};
use crate::http::state::AppState;

/// List customers
///
/// Agents see only the customers they own. Keyset-paginated: pass `next_cursor` back as
/// `cursor` with the same `sort`.
#[utoipa::path(
    tag = "customers",
    params(PageQuery, CustomerListQuery),
    responses((status = 200, description = "A page of customers", body = Page<Customer>), ListErrors, Busy),
    security(("bearer" = []))
)]
#[get("/customers")]
pub async fn list_customers(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<CustomerListQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    // Filtering by a segment evaluates its rule: an expensive read.
    let _evaluation = match query.0.segment_id {
        Some(_) => Some(state.evaluations.enter(caller.0.id).await?),
        None => None,
    };
    Ok(super::page(
        &ops::list(&state.db, &caller.0, query.0, page.0, state.clock.now()).await?,
    ))
}

/// Create a customer
///
/// The owner defaults to the caller; agents may only create customers they own. The new
/// customer is compared with the customers the caller can see (same email, same phone in
/// E.164, a similar name at the same company or in the same city): strong candidates are
/// named in `possible_duplicates`, or, with `on_duplicate=reject`, answered 409 with the
/// candidates and nothing is created.
#[utoipa::path(
    tag = "customers",
    request_body = CustomerCreate,
    params(CustomerCreateQuery, IdempotencyKeyHeader),
    responses((status = 201, description = "Created; `possible_duplicates` names the customers it may duplicate", body = CustomerCreated), DuplicateRefused, WriteErrors),
    security(("bearer" = []))
)]
#[post("/customers")]
pub async fn create_customer(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<CustomerCreateQuery>,
    body: Json<CustomerCreate>,
) -> ApiResult<HttpResponse> {
    let mode = query.0.on_duplicate.unwrap_or_default();
    let created = ops::create(&state.db, &caller.0, body.0, mode, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/customers/{}", created.customer.id),
        created.customer.version,
        &created,
    ))
}

/// Get a customer
///
/// The profile with its derived figures (lifetime value, last contact, next and overdue
/// touchpoints, open complaints). The `ETag` is what a change sends back in `If-Match`.
/// Agents see their own customers only (404 otherwise). A customer merged into another
/// answers 404 with `merged_into`, the id of the customer it now is.
#[utoipa::path(
    tag = "customers",
    params(("id" = Uuid, Path, description = "Customer id")),
    responses((status = 200, description = "The customer", body = Customer), CustomerReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}")]
pub async fn get_customer(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: Bearer,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (actor, customer) = ops::get_for_token(
        &state.db,
        &state.tokens,
        &token.0,
        id.into_inner(),
        state.clock.now(),
    )
    .await?;
    Caller::identified(&req, actor)?;
    Ok(super::with_etag(customer.version, &customer))
}

/// Change a customer
///
/// Absent fields stay as they are; `null` clears an optional field. What follows from a
/// change, in the same transaction: `status` `churned` cancels the open cadence (playbook
/// and greeting touchpoints, with the reason `customer churned`; manual work and complaint
/// follow-ups stay) and nothing new is planned until the customer is active again, which a
/// purchase also makes it; a new `birthday` or `important_dates` re-plans the open greetings;
/// a new `timezone` or `contact_window` re-plans the open touchpoints not yet due (planned
/// ones keep their local time in the new timezone, greetings move to the window's start,
/// manual ones keep their time unless the new window excludes it), each moved to the next
/// opening of the window when outside it.
#[utoipa::path(
    tag = "customers",
    request_body = CustomerPatch,
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        IfMatchHeader,
    ),
    responses((status = 200, description = "The changed customer", body = Customer), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/customers/{id}")]
pub async fn update_customer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<CustomerPatch>,
) -> ApiResult<HttpResponse> {
    let customer = ops::update(
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

/// Delete a customer
///
/// A soft delete: the customer disappears from the API and stays in the database.
#[utoipa::path(
    tag = "customers",
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        IfMatchHeader,
    ),
    responses((status = 204, description = "Deleted"), DeleteErrors),
    security(("bearer" = []))
)]
#[delete("/customers/{id}")]
pub async fn delete_customer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    ops::delete(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
