//! `/api/v1/events`: the feed of what changed, for integrations that poll.

use actix_web::{HttpResponse, get, web};

use crate::domain::feed;
use crate::dto::event::{EventPage, EventQuery};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, Query};
use crate::http::responses::ListErrors;
use crate::http::state::AppState;

/// Read the event feed
///
/// Oldest first, from `after` (the `next_cursor` of the page before; from the oldest kept
/// without it). Every change the API makes appends its event in the same transaction, so a
/// reader that polls with `next_cursor` forever sees every event once, in order, even when
/// writes commit out of order (an event is shown only once no transaction still running can
/// commit one before it). Agents, and agent keys, see their own customers' events. Events are
/// kept for `RAPPORT_EVENT_RETENTION_DAYS` (30); an `after` older than that is 422.
#[utoipa::path(
    tag = "events",
    params(EventQuery),
    responses((status = 200, description = "A page of events", body = EventPage), ListErrors),
    security(("bearer" = []))
)]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<EventQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &feed::read(&state.db, &caller.0, query.0).await?,
    ))
}
