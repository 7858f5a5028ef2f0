//! `/api/v1/reports`: where the relationships stand. Managers and admins.

use actix_web::{HttpResponse, get, web};

use crate::domain::report::{relationships, revenue, service};
use crate::dto::page::{Page, PageQuery};
use crate::dto::report::{
    ChurnReport, ComplaintReport, NeglectedQuery, NeglectedReport, ParetoQuery, ParetoReport,
    PeriodQuery, TierSuggestion, TouchpointReport,
};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, Query};
use crate::http::responses::ListErrors;
use crate::http::state::AppState;

/// Revenue concentration (Pareto)
///
/// Customers ranked by revenue in the period, the share of revenue the top 20% bring, the
/// fewest customers that make 80% of it, and the cumulative curve (at most 100 points) for a
/// chart. Every figure is in one currency: `currency` is required when the period's purchases
/// use more than one. Managers and admins.
#[utoipa::path(
    tag = "reports",
    params(ParetoQuery),
    responses((status = 200, description = "The ranking and its shares", body = ParetoReport), ListErrors),
    security(("bearer" = []))
)]
#[get("/reports/pareto")]
pub async fn get_pareto_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<ParetoQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &revenue::pareto(state.reads.db(), &caller.0, query.0, state.clock.now()).await?,
    ))
}

/// Neglected customers
///
/// Active customers without an interaction for `days` (90 unless given), or never contacted:
/// counted by tier and by owner, and listed most valuable first, a page at a time. Managers
/// and admins.
#[utoipa::path(
    tag = "reports",
    params(NeglectedQuery, PageQuery),
    responses((status = 200, description = "The neglected customers", body = NeglectedReport), ListErrors),
    security(("bearer" = []))
)]
#[get("/reports/neglected")]
pub async fn get_neglected_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<NeglectedQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &relationships::neglected(
            state.reads.db(),
            &caller.0,
            query.0,
            page.0,
            state.clock.now(),
        )
        .await?,
    ))
}

/// Lost customers
///
/// Customers churned in the period (the last 12 months unless given): by reason, by tier and
/// by month. Managers and admins.
#[utoipa::path(
    tag = "reports",
    params(PeriodQuery),
    responses((status = 200, description = "Who was lost, why and when", body = ChurnReport), ListErrors),
    security(("bearer" = []))
)]
#[get("/reports/churn")]
pub async fn get_churn_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &relationships::churn(state.reads.db(), &caller.0, query.0, state.clock.now()).await?,
    ))
}

/// Complaint handling
///
/// Complaints received in the period (all unless given): counts by status, category,
/// severity and kind, how often the first-response and resolution deadlines were kept, the
/// median and 90th-percentile time to resolve (nearest rank), and the average satisfaction
/// after the repair. Managers and admins.
#[utoipa::path(
    tag = "reports",
    params(PeriodQuery),
    responses((status = 200, description = "How complaints are handled", body = ComplaintReport), ListErrors),
    security(("bearer" = []))
)]
#[get("/reports/complaints")]
pub async fn get_complaint_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &service::complaints(state.reads.db(), &caller.0, query.0, state.clock.now()).await?,
    ))
}

/// Planned contacts per owner
///
/// Touchpoints due in the period (the last 30 days unless given), per assignee: completed,
/// skipped, cancelled, overdue, upcoming, and the on-time rate (completed by the end of the
/// day after they fell due). Managers and admins.
#[utoipa::path(
    tag = "reports",
    params(PeriodQuery),
    responses((status = 200, description = "Whether the planned contacts happen", body = TouchpointReport), ListErrors),
    security(("bearer" = []))
)]
#[get("/reports/touchpoints")]
pub async fn get_touchpoint_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<PeriodQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &service::touchpoints(state.reads.db(), &caller.0, query.0, state.clock.now()).await?,
    ))
}

/// Tier suggestions
///
/// Active customers whose purchases over the last 12 months fit another tier, with the
/// evidence: `key` for purchases in at least 9 distinct months (continuous, stable buying),
/// `important` for at least 6 purchases or one of at least 500000 minor units, else
/// `general` (`RAPPORT_TIER_KEY_MONTHS`, `RAPPORT_TIER_IMPORTANT_PURCHASES`,
/// `RAPPORT_TIER_IMPORTANT_AMOUNT_MINOR` change the thresholds). By customer id, a page at a
/// time. Managers and admins.
#[utoipa::path(
    tag = "reports",
    params(PageQuery),
    responses((status = 200, description = "A page of suggestions", body = Page<TierSuggestion>), ListErrors),
    security(("bearer" = []))
)]
#[get("/reports/tier-suggestions")]
pub async fn get_tier_suggestions(
    state: web::Data<AppState>,
    caller: Caller,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &revenue::tier_suggestions(
            state.reads.db(),
            &caller.0,
            &state.tier_thresholds,
            page.0,
            state.clock.now(),
        )
        .await?,
    ))
}
