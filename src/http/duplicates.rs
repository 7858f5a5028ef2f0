//! Duplicates: candidates per customer and overall, dismissals, and merging two customers.

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::domain::duplicate::{merge, ops};
use crate::dto::duplicate::{Dismissal, DismissalRequest, DuplicateListQuery, Merge, MergeRequest};
use crate::dto::page::{Page, PageQuery};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, RequiredIfMatchHeader};
use crate::http::responses::{ListErrors, MergeErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;
use crate::model::duplicate::Candidate;

/// List a customer's duplicate candidates
///
/// Managers and admins. The customers that may be the same person, found now, most likely
/// first: the same email (compared without case), the same phone (compared in E.164), a
/// similar name (trigram similarity of at least 0.5) at the same company or in the same city.
/// `score` is 0–100; 70 or more is a strong candidate. Pairs dismissed as "not a duplicate"
/// are left out.
#[utoipa::path(
    tag = "duplicates",
    params(("id" = Uuid, Path, description = "Customer id"), PageQuery),
    responses((status = 200, description = "A page of candidates", body = Page<Candidate>), ListErrors, ReadErrors),
    security(("bearer" = []))
)]
#[get("/customers/{id}/duplicates")]
pub async fn list_customer_duplicates(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &ops::of_customer(&state.db, &caller.0, id.into_inner(), page.0).await?,
    ))
}

/// List duplicate pairs
///
/// Managers and admins. Every pair of live customers that may be one person, most likely
/// first (`customer_id` is the lower id). Pairs are found when a customer is created through
/// the API and, after any other change of a name, email, phone, company or city (an update,
/// an import, a merge), by the scheduler's `duplicate_candidates` pass.
#[utoipa::path(
    tag = "duplicates",
    params(DuplicateListQuery, PageQuery),
    responses((status = 200, description = "A page of pairs", body = Page<Candidate>), ListErrors),
    security(("bearer" = []))
)]
#[get("/duplicates")]
pub async fn list_duplicates(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<DuplicateListQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &ops::list(&state.db, &caller.0, query.0, page.0).await?,
    ))
}

/// Dismiss a pair as not a duplicate
///
/// Managers and admins. The two customers are never proposed as duplicates of each other
/// again. 201 when dismissed now, 200 when it was dismissed before.
#[utoipa::path(
    tag = "duplicates",
    request_body = DismissalRequest,
    params(IdempotencyKeyHeader),
    responses(
        (status = 201, description = "Dismissed", body = Dismissal),
        (status = 200, description = "Dismissed before", body = Dismissal),
        WriteErrors
    ),
    security(("bearer" = []))
)]
#[post("/duplicates/dismissals")]
pub async fn dismiss_duplicate(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<DismissalRequest>,
) -> ApiResult<HttpResponse> {
    let (dismissal, created) =
        ops::dismiss(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(if created {
        HttpResponse::Created()
            .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
            .json(&dismissal)
    } else {
        super::page(&dismissal)
    })
}

/// Merge another customer into this one
///
/// Customer `from` becomes part of this one, in one transaction. This customer keeps its id
/// and, per field, its value unless `fields` chooses `from`'s (a field it has no value for
/// takes `from`'s). Tags, attributes, important dates and segment memberships are united;
/// consent keeps the stricter answer per channel and `do_not_contact` holds if either says
/// so. Every linked record (interactions, purchases, touchpoints, complaints, history,
/// consent history, events, webhook deliveries) moves here and the derived figures are
/// recomputed; two open occurrences of one playbook's series become one; the open work the
/// other customer's owner held moves to this one's. `from` then answers 404 with
/// `merged_into`, is never listed, and its id in a request body is answered like a missing
/// customer. `If-Match` (this customer's version) and `from_version` are required. Emits
/// `customer.merged`. A merge cannot be undone. Agents merge only customers they own.
#[utoipa::path(
    tag = "duplicates",
    request_body = MergeRequest,
    params(
        ("id" = Uuid, Path, description = "The customer that stays"),
        RequiredIfMatchHeader,
        IdempotencyKeyHeader,
    ),
    responses((status = 200, description = "Merged", body = Merge), MergeErrors),
    security(("bearer" = []))
)]
#[post("/customers/{id}/merge")]
pub async fn merge_customer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<MergeRequest>,
) -> ApiResult<HttpResponse> {
    let merged = merge::merge(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(merged.customer.version, &merged))
}
