//! `/api/v1/customers/import` and `/export`: the customer database as CSV.

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};

use crate::domain::customer::csv::{export, import};
use crate::dto::customer::CustomerListQuery;
use crate::dto::customer_csv::{ImportQuery, ImportResult};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, CsvBody, Query};
use crate::http::headers::IdempotencyKeyHeader;
use crate::http::responses::{Busy, ListErrors, WriteErrors};
use crate::http::state::AppState;

/// Import customers from CSV
///
/// `text/csv` in UTF-8 (a byte-order mark is fine), comma- or semicolon-separated, at most
/// 20 MiB and 100,000 rows. The header names the columns: the customer's JSON field names
/// (`name` is required; `tags` are `;`-separated; `contact_window`, `attributes` and
/// `important_dates` hold JSON; `owner_email` may stand for `owner_id`; `id` names a
/// customer to match). An empty cell means no value. A row matches an existing customer by
/// `id`, then email (case-insensitive), then phone (its digits), and is then skipped or,
/// with `on_duplicate=update`, updated; a row repeating an earlier one is skipped. Rows with
/// problems are answered in `errors` by row number (the header is row 1) and left out; all
/// the others are written in one transaction. A file that cannot be read as customers (no
/// header, an unknown or repeated column, no `name` column, more than 100,000 rows) is a
/// 422 naming the problem, and nothing is imported. Agents import only customers they own.
/// `dry_run=true` answers what would happen to each row and changes nothing. Imports run one
/// at a time (on each replica), each within `RAPPORT_IMPORT_TIMEOUT_MS`; one that cannot
/// start within 3 seconds, or runs past its budget, is a 503.
#[utoipa::path(
    tag = "customers",
    request_body(content = String, content_type = "text/csv", description = "The customers, one per row after the header",
        example = "name,email,phone,tier,tags\nAda Lovelace,ada@example.com,+44 20 7946 0000,key,vip;engineering\n"),
    params(ImportQuery, IdempotencyKeyHeader),
    responses((status = 200, description = "What was created, updated and skipped, and the rows left out", body = ImportResult), WriteErrors),
    security(("bearer" = []))
)]
#[post("/customers/import")]
pub async fn import_customers(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<ImportQuery>,
    body: CsvBody,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &import::import(
            &state.bulk_db,
            &caller.0,
            &body.0,
            query.0,
            state.clock.now(),
        )
        .await?,
    ))
}

/// Export customers as CSV
///
/// The customers the list filters select (the same parameters as the list, in creation
/// order), with the columns the import reads, streamed. Cells that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-` or `@`) are written behind a `'`, which the
/// import removes again.
#[utoipa::path(
    tag = "customers",
    params(CustomerListQuery),
    responses(
        (status = 200, description = "The customers as CSV", content_type = "text/csv", body = String,
            example = json!("id,name,company,...\n01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e,Ada Lovelace,,...\n")),
        ListErrors, Busy
    ),
    security(("bearer" = []))
)]
#[get("/customers/export")]
pub async fn export_customers(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<CustomerListQuery>,
) -> ApiResult<HttpResponse> {
    // Filtering by a segment evaluates its rule: an expensive read.
    let evaluation = match query.0.segment_id {
        Some(_) => Some(state.evaluations.enter(caller.0.id).await?),
        None => None,
    };
    let export = export::start(state.reads.db(), &caller.0, query.0, state.clock.now()).await?;
    let chunks = super::streaming::body(export, "customers csv").await?;
    drop(evaluation);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"customers.csv\"",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(chunks))
}
