//! Touchpoint bodies: the contacts a customer is owed, and the actions that close them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::expand::{CustomerSummary, UserSummary};
use crate::dto::{nullable, present};
use crate::model::cadence::Purpose;
use crate::model::customer::Channel;
use crate::model::interaction::{Direction, Outcome};
use crate::model::number::Rating;
use crate::model::touchpoint::{Source, Status};

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c9a-6666-7000-8000-000000000001", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
    "assignee_id": "01932c8e-0000-7000-8000-000000000001", "due_at": "2026-11-27T12:00:00Z",
    "channel": "phone", "purpose": "usage_check", "title": "How is it going after a week?",
    "notes": null, "status": "scheduled", "overdue": false, "source": "playbook",
    "playbook_id": "01932c99-5555-7000-8000-000000000001", "completed_at": null,
    "interaction_id": null, "skip_reason": null, "complaint_id": null, "version": 1,
    "created_at": "2026-11-20T12:00:00Z", "updated_at": "2026-11-20T12:00:00Z"
}))]
pub struct Touchpoint {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub assignee_id: Uuid,
    pub due_at: DateTime<Utc>,
    pub channel: Channel,
    pub purpose: Purpose,
    pub title: String,
    pub notes: Option<String>,
    pub status: Status,
    /// Scheduled and due before now; derived when read.
    pub overdue: bool,
    pub source: Source,
    pub playbook_id: Option<Uuid>,
    pub completed_at: Option<DateTime<Utc>>,
    /// The interaction that completed it.
    pub interaction_id: Option<Uuid>,
    pub skip_reason: Option<String>,
    /// The complaint this touchpoint follows up (`source: complaint`).
    pub complaint_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// With `expand=customer`: the customer's summary (left out when the caller may not see it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub customer: Option<CustomerSummary>,
    /// With `expand=assignee`: the assignee's summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub assignee: Option<UserSummary>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "due_at": "2026-12-01T10:00:00Z",
    "channel": "visit", "purpose": "visit", "title": "Bring the new catalogue"
}))]
pub struct TouchpointCreate {
    pub customer_id: Uuid,
    /// Defaults to the customer's owner. Agents assign only themselves.
    pub assignee_id: Option<Uuid>,
    /// Kept as given: only generated touchpoints are moved into the contact window.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub due_at: DateTime<Utc>,
    pub channel: Channel,
    /// Defaults to `custom`.
    pub purpose: Option<Purpose>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
}

/// Reschedule, reassign, retitle or annotate an open touchpoint.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"due_at": "2026-12-03T15:00:00Z", "notes": "Asked to call after the fair"}))]
pub struct TouchpointPatch {
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub due_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub assignee_id: Option<Uuid>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub channel: Option<Channel>,
    #[validate(length(min = 1, max = 200))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: Option<String>,
    #[validate(length(max = 10000))]
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable, max_length = 10000)]
    pub notes: Option<Option<String>>,
}

/// The interaction that fulfils the touchpoint; logged with it in one transaction.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"direction": "outbound", "summary": "All fine; wants a visit in spring", "outcome": "positive", "satisfaction": 5}))]
pub struct TouchpointComplete {
    /// Defaults to the touchpoint's channel.
    pub channel: Option<Channel>,
    /// Defaults to `outbound`.
    pub direction: Option<Direction>,
    /// Defaults to now; not in the future.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub occurred_at: Option<DateTime<Utc>>,
    /// Defaults to the touchpoint's title.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub subject: Option<String>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub summary: Option<String>,
    pub outcome: Option<Outcome>,
    pub satisfaction: Option<Rating>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Customer on holiday until January"}))]
pub struct TouchpointSkip {
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TouchpointListQuery {
    pub assignee_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub status: Option<Status>,
    pub purpose: Option<Purpose>,
    /// Due strictly before this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub due_before: Option<DateTime<Utc>>,
    /// Due at or after this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub due_after: Option<DateTime<Utc>>,
    /// Scheduled and past due (true), or not (false).
    pub overdue: Option<bool>,
}

/// A campaign: one touchpoint for every member of a segment (holiday greetings, an event
/// invitation, first access to a new product).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "due_at": "2026-12-18T09:00:00Z", "channel": "gift", "purpose": "holiday",
    "title": "Season's greetings", "notes": "Card and calendar"
}))]
pub struct CampaignCreate {
    /// Moved forward into each customer's contact window, in the customer's timezone.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub due_at: DateTime<Utc>,
    pub channel: Channel,
    /// Defaults to `custom`.
    pub purpose: Option<Purpose>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
}

/// What a campaign scheduled.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "segment_id": "01932c9b-7777-7000-8000-000000000001", "scheduled": 240, "left_out": 3,
    "left_out_reasons": [{"reason": "do not contact", "count": 1}, {"reason": "no consent for email", "count": 2}]
}))]
pub struct CampaignResult {
    pub segment_id: Uuid,
    /// Touchpoints scheduled: one per member, each assigned to the customer's owner.
    pub scheduled: u64,
    /// Members left out because of what they said about being contacted.
    pub left_out: u64,
    /// How many were left out for each reason.
    pub left_out_reasons: Vec<LeftOut>,
}

/// Members a campaign left out, and why.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LeftOut {
    /// `do not contact`, or `no consent for <channel>`.
    pub reason: String,
    pub count: u64,
}
