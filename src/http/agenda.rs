//! `/api/v1/agenda`: what a person owes their customers, day by day.

use actix_web::{HttpResponse, get, web};

use crate::domain::agenda;
use crate::domain::customer::summary::embed;
use crate::dto::agenda::{Agenda, AgendaQuery};
use crate::dto::expand::ExpandQuery;
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, Query};
use crate::http::responses::ListErrors;
use crate::http::state::AppState;

/// The agenda
///
/// The caller's scheduled touchpoints that are overdue, and those due in the next `days`
/// (1–90, default 7), grouped by day in `tz` (default: the user's own timezone). Managers and
/// admins may read another user's agenda with `user_id`. At most 500 touchpoints are shown.
#[utoipa::path(
    tag = "touchpoints",
    params(AgendaQuery, ExpandQuery),
    responses((status = 200, description = "The agenda", body = Agenda), ListErrors),
    security(("bearer" = []))
)]
#[get("/agenda")]
pub async fn get_agenda(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<AgendaQuery>,
    expand: Query<ExpandQuery>,
) -> ApiResult<HttpResponse> {
    let mut agenda = agenda::agenda(&state.db, &caller.0, query.0, state.clock.now()).await?;
    let items = agenda
        .overdue
        .iter_mut()
        .chain(agenda.days.iter_mut().flat_map(|d| d.items.iter_mut()));
    embed(&state.db, &caller.0, expand.0.get(), items).await?;
    Ok(super::page(&agenda))
}
