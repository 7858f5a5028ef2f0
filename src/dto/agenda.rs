//! The agenda: what one person owes their customers, overdue first, then day by day.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::Timezone;
use crate::dto::page::query_whole;
use crate::dto::touchpoint::Touchpoint;

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgendaQuery {
    /// Whole days in the agenda's timezone, today included, 1–90; defaults to 7.
    #[serde(default, deserialize_with = "query_whole")]
    #[param(minimum = 1, maximum = 90, default = 7, value_type = Option<i64>)]
    pub days: Option<i64>,
    /// IANA timezone the days are grouped in; defaults to the user's own.
    #[param(value_type = Option<Timezone>)]
    pub tz: Option<String>,
    /// Whose agenda; managers and admins only. Defaults to the caller.
    pub user_id: Option<Uuid>,
}

/// One day of the agenda, in the agenda's timezone.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaDay {
    #[schema(value_type = String, format = Date, example = "2026-11-24")]
    pub date: NaiveDate,
    pub items: Vec<Touchpoint>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "user_id": "01932c8e-0000-7000-8000-000000000001", "timezone": "Europe/Berlin",
    "generated_at": "2026-11-23T08:00:00Z", "from": "2026-11-23T08:00:00Z", "until": "2026-11-30T08:00:00Z",
    "overdue": [], "days": [{"date": "2026-11-23", "items": []}], "truncated": false
}))]
pub struct Agenda {
    pub user_id: Uuid,
    pub timezone: String,
    /// The instant "now" the agenda was computed at.
    pub generated_at: DateTime<Utc>,
    /// Upcoming touchpoints are those due in `[from, until)`; `until` is the start of the
    /// day after the last one, in the agenda's timezone.
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// Scheduled and past due, oldest first.
    pub overdue: Vec<Touchpoint>,
    /// Every day from today to the last day of the window, each with its touchpoints.
    pub days: Vec<AgendaDay>,
    /// True when more than 500 touchpoints matched and only the first 500 are shown.
    pub truncated: bool,
}
