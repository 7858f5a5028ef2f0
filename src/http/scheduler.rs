//! `/api/v1/scheduler`: run the background passes now, for operations and tests.

use actix_web::{HttpResponse, post, web};

use crate::http::error::ApiResult;
use crate::http::extract::Caller;
use crate::http::headers::IdempotencyKeyHeader;
use crate::http::responses::ActionErrors;
use crate::http::state::AppState;
use crate::scheduler::{self, SchedulerRun};

/// Run the scheduler now
///
/// Admins. Runs every background pass once, as the interval worker and
/// `rapport scheduler run-once` do, and answers what each did. Every pass is idempotent, so
/// running it again changes nothing more.
#[utoipa::path(
    tag = "operations",
    params(IdempotencyKeyHeader),
    responses((status = 200, description = "What each pass did", body = SchedulerRun), ActionErrors),
    security(("bearer" = []))
)]
#[post("/scheduler/run")]
pub async fn run_scheduler(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    caller.0.ensure_admin("run the scheduler")?;
    Ok(super::page(
        &scheduler::run_once(&state.db, &state.scheduler, state.clock.now()).await?,
    ))
}
