//! A customer's personal data: the consent history, the export of everything held about the
//! customer, and erasure.

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::domain::consent;
use crate::domain::customer::{dossier, erasure};
use crate::dto::customer::{CustomerExport, Erasure, ErasureRequest};
use crate::dto::page::{Page, PageQuery};
use crate::dto::relationship::ConsentChange;
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, Json, Query};
use crate::http::headers::IdempotencyKeyHeader;
use crate::http::responses::{ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// List a customer's consent changes
///
/// Oldest first: each change of a channel's consent or of `do_not_contact`, with where the
/// customer expressed it, who recorded it and when.
#[utoipa::path(
    tag = "customers",
    params(("id" = Uuid, Path, description = "Customer id"), PageQuery),
    responses((status = 200, description = "A page of consent changes", body = Page<ConsentChange>), ListErrors, ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/consent-history")]
pub async fn list_consent_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &consent::history(&state.db, &caller.0, id.into_inner(), query.0).await?,
    ))
}

/// Export everything held about a customer
///
/// Managers and admins. One JSON document, streamed: the profile as the API shows it and
/// every linked record by table (interactions, purchases, touchpoints, complaints and their
/// events, history, hand-offs, consent history, segment memberships, the events about the
/// customer, webhook deliveries), read from one consistent snapshot. Each export is recorded
/// in the audit trail.
#[utoipa::path(
    tag = "customers",
    params(("id" = Uuid, Path, description = "Customer id")),
    responses((status = 200, description = "The customer's data", body = CustomerExport), ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/export")]
pub async fn export_customer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let export = dossier::start(&state.db, &caller.0, id, state.clock.now()).await?;
    let chunks = super::streaming::body(export, "customer").await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"customer-{id}.json\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(chunks))
}

/// Erase a customer's personal data
///
/// Admins only; irreversible. Removes or replaces every piece of personal data about the
/// customer wherever it lies (profile, free text of interactions, touchpoints and complaints,
/// complaint events, consent sources, event snapshots, webhook delivery bodies and stored
/// idempotent answers) and keeps what is not personal (amounts, dates, counts, tiers) so
/// that reports stay true. The customer remains as an anonymous record, no longer listed,
/// searchable or matched by an import; its open touchpoints are cancelled. Emits
/// `customer.erased`. Erasing again answers the same receipt.
#[utoipa::path(
    tag = "customers",
    params(("id" = Uuid, Path, description = "Customer id"), IdempotencyKeyHeader),
    request_body = ErasureRequest,
    responses((status = 200, description = "Erased", body = Erasure), WriteErrors),
    security(("bearer" = []))
)]
#[post("/customers/{id}/erase")]
pub async fn erase_customer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ErasureRequest>,
) -> ApiResult<HttpResponse> {
    let receipt = erasure::erase(
        &state.db,
        &caller.0,
        id.into_inner(),
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::page(&receipt))
}
