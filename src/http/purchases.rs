//! `/api/v1/customers/{id}/purchases`: what each customer bought.

use actix_web::{HttpResponse, delete, get, post, web};
use uuid::Uuid;

use crate::domain::purchase as purchases;
use crate::dto::page::Page;
use crate::dto::page::PageQuery;
use crate::dto::purchase::{Purchase, PurchaseCreate};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{DeleteErrors, ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// List a customer's purchases
///
/// Newest first.
#[utoipa::path(
    tag = "purchases",
    params(("id" = Uuid, Path, description = "Customer id"), PageQuery),
    responses((status = 200, description = "A page of purchases", body = Page<Purchase>), ListErrors, ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/purchases")]
pub async fn list_purchases(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &purchases::list(&state.db, &caller.0, id.into_inner(), query.0).await?,
    ))
}

/// Record a purchase
///
/// Updates `lifetime_value_minor`, `purchase_count` and `last_purchase_at`, and emits the
/// `after_purchase` event that starts the tier's cadence. A customer's purchases share one
/// currency. A purchase from a churned customer wins it back: its `status` becomes `active`
/// (recorded in its history with the purchase as the reason) before the cadence starts. A
/// purchase logged late (older than the one a recurring series runs from) leaves the series
/// where it is.
#[utoipa::path(
    tag = "purchases",
    request_body = PurchaseCreate,
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        IdempotencyKeyHeader,
    ),
    responses((status = 201, description = "Recorded", body = Purchase), WriteErrors),
    security(("bearer" = []))
)]
#[post("/customers/{id}/purchases")]
pub async fn create_purchase(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<PurchaseCreate>,
) -> ApiResult<HttpResponse> {
    let customer_id = id.into_inner();
    let purchase =
        purchases::create(&state.db, &caller.0, customer_id, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/customers/{customer_id}/purchases/{}", purchase.id),
        purchase.version,
        &purchase,
    ))
}

/// Get a purchase
///
/// One purchase of the customer named in the path; a purchase of another customer is a 404,
/// as is a customer an agent does not own.
#[utoipa::path(
    tag = "purchases",
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        ("purchase_id" = Uuid, Path, description = "Purchase id"),
    ),
    responses((status = 200, description = "The purchase", body = Purchase), ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/purchases/{purchase_id}")]
pub async fn get_purchase(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (customer_id, id) = path.into_inner();
    let purchase = purchases::get(&state.db, &caller.0, customer_id, id).await?;
    Ok(super::with_etag(purchase.version, &purchase))
}

/// Delete a purchase
///
/// The value figures are recomputed from the purchases that remain.
#[utoipa::path(
    tag = "purchases",
    params(
        ("id" = Uuid, Path, description = "Customer id"),
        ("purchase_id" = Uuid, Path, description = "Purchase id"),
        IfMatchHeader,
    ),
    responses((status = 204, description = "Deleted"), DeleteErrors),
    security(("bearer" = []))
)]
#[delete("/customers/{id}/purchases/{purchase_id}")]
pub async fn delete_purchase(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (customer_id, id) = path.into_inner();
    purchases::delete(
        &state.db,
        &caller.0,
        customer_id,
        id,
        &if_match.0,
        state.clock.now(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
