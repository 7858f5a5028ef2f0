//! Complaint bodies: the record, its workflow transitions, its history, and the SLA policies
//! its deadlines come from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::expand::{CustomerSummary, UserSummary};
use crate::dto::{nullable, present};
use crate::model::complaint::{
    ComplaintCategory, ComplaintEventKind, ComplaintKind, ComplaintStatus, Severity,
};
use crate::model::customer::Channel;
use crate::model::number::Rating;
use crate::model::role::ActorType;
use crate::model::sort::ComplaintSort;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932ca0-8888-7000-8000-000000000001", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
    "kind": "complaint", "category": "delivery", "severity": "high",
    "subject": "Second late delivery this month", "description": "The pallet arrived two days late again.",
    "channel": "phone", "received_at": "2026-11-20T09:00:00Z",
    "assignee_id": "01932c8e-0000-7000-8000-000000000001", "status": "in_progress",
    "remediation_plan": "Express re-delivery at our cost; carrier review", "resolution": null,
    "satisfaction_after": null, "escalation_level": 0,
    "first_response_due_at": "2026-11-20T13:00:00Z", "resolution_due_at": "2026-11-23T09:00:00Z",
    "first_responded_at": "2026-11-20T09:40:00Z", "resolved_at": null, "closed_at": null,
    "waiting_since": null, "breached": false, "version": 3,
    "created_at": "2026-11-20T09:05:00Z", "updated_at": "2026-11-20T10:00:00Z"
}))]
pub struct Complaint {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub kind: ComplaintKind,
    pub category: ComplaintCategory,
    pub severity: Severity,
    pub subject: String,
    pub description: Option<String>,
    /// How the customer told us.
    pub channel: Option<Channel>,
    pub received_at: DateTime<Utc>,
    pub assignee_id: Uuid,
    pub status: ComplaintStatus,
    pub remediation_plan: Option<String>,
    pub resolution: Option<String>,
    /// The customer's rating of the repair, recorded when closing.
    pub satisfaction_after: Option<i16>,
    /// How many deadlines were missed and escalated.
    pub escalation_level: i32,
    /// From the severity's SLA policy; moved by the time spent waiting on the customer.
    pub first_response_due_at: DateTime<Utc>,
    pub resolution_due_at: DateTime<Utc>,
    /// When the complaint was acknowledged.
    pub first_responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Set while `waiting_on_customer`: the SLA clock stopped at this instant.
    pub waiting_since: Option<DateTime<Utc>>,
    /// A deadline was missed (answered or resolved late, or still open past it); judged at the
    /// time of the request.
    pub breached: bool,
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
    "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "kind": "complaint", "category": "delivery",
    "severity": "high", "subject": "Second late delivery this month",
    "description": "The pallet arrived two days late again.", "channel": "phone"
}))]
pub struct ComplaintCreate {
    pub customer_id: Uuid,
    /// Defaults to `complaint`.
    pub kind: Option<ComplaintKind>,
    /// Defaults to `other`.
    pub category: Option<ComplaintCategory>,
    /// Defaults to `medium`; sets the deadlines.
    pub severity: Option<Severity>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub subject: String,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    pub channel: Option<Channel>,
    /// When the customer told us; defaults to now and may not be in the future. The deadlines
    /// count from here.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub received_at: Option<DateTime<Utc>>,
    /// Defaults to the customer's owner. Agents assign only themselves.
    pub assignee_id: Option<Uuid>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub remediation_plan: Option<String>,
}

/// The descriptive fields; the status changes only through transitions. A new severity
/// recomputes the deadlines from `received_at`.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"remediation_plan": "Express re-delivery at our cost; carrier review", "severity": "critical"}))]
pub struct ComplaintPatch {
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub kind: Option<ComplaintKind>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub category: Option<ComplaintCategory>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub severity: Option<Severity>,
    #[validate(length(min = 1, max = 200))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub subject: Option<String>,
    #[validate(length(max = 10000))]
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable, max_length = 10000)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Channel>, nullable)]
    pub channel: Option<Option<Channel>>,
    /// Managers and admins reassign; agents may take a complaint themselves.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub assignee_id: Option<Uuid>,
    #[validate(length(max = 10000))]
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable, max_length = 10000)]
    pub remediation_plan: Option<Option<String>>,
    #[validate(length(max = 10000))]
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable, max_length = 10000)]
    pub resolution: Option<Option<String>>,
}

/// A step of the workflow: `open → acknowledged → in_progress → resolved → closed`,
/// `in_progress ⇄ waiting_on_customer`, `resolved → reopened → in_progress`.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"to": "resolved", "note": "Re-delivered by express", "resolution": "Express re-delivery at our cost; new carrier from December"}))]
pub struct ComplaintTransition {
    pub to: ComplaintStatus,
    /// Kept in the complaint's history with the transition.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// With `to: resolved` only; required there unless the complaint has one already.
    #[validate(length(min = 1, max = 10000))]
    #[schema(min_length = 1, max_length = 10000, pattern = r"\S")]
    pub resolution: Option<String>,
    /// With `to: closed` only: the customer's rating of the repair. 1 or 2 reopens the
    /// complaint instead and gives the customer's owner a touchpoint.
    pub satisfaction_after: Option<Rating>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "Customer sent photos of the damaged pallet"}))]
pub struct ComplaintNote {
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub note: String,
}

/// One entry of a complaint's history; entries are never changed or removed.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932ca1-9999-7000-8000-000000000001", "complaint_id": "01932ca0-8888-7000-8000-000000000001",
    "kind": "transition", "actor_id": "01932c8e-0000-7000-8000-000000000001", "actor_type": "user", "at": "2026-11-20T09:40:00Z",
    "from_status": "open", "to_status": "acknowledged", "note": "Apologised by phone", "details": null
}))]
pub struct ComplaintEvent {
    pub id: Uuid,
    pub complaint_id: Uuid,
    pub kind: ComplaintEventKind,
    /// Who made the change; null for the scheduler (escalations).
    pub actor_id: Option<Uuid>,
    /// `user`, `api_key`, or `system` for the scheduler.
    pub actor_type: ActorType,
    pub at: DateTime<Utc>,
    pub from_status: Option<ComplaintStatus>,
    pub to_status: Option<ComplaintStatus>,
    pub note: Option<String>,
    /// What else changed: the assignees of an assignment or escalation
    /// (`from_assignee_id`, `to_assignee_id`), the escalated `deadline` and `level`, the
    /// `rating` of a satisfaction, the `fields` of an update, the `touchpoint_id` scheduled.
    #[schema(value_type = Option<Object>)]
    pub details: Option<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintListQuery {
    pub customer_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub status: Option<ComplaintStatus>,
    pub kind: Option<ComplaintKind>,
    pub category: Option<ComplaintCategory>,
    pub severity: Option<Severity>,
    /// A deadline was missed (true), or none was (false), judged at the time of the request.
    pub breached: Option<bool>,
    /// Received at or after this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub received_from: Option<DateTime<Utc>>,
    /// Received strictly before this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub received_to: Option<DateTime<Utc>>,
    /// `-received_at` (newest first, the default), `received_at`, or `resolution_due_at`
    /// (most urgent first).
    pub sort: Option<ComplaintSort>,
}

/// The deadlines of one severity, in minutes after a complaint is received.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"severity": "high", "first_response_minutes": 240, "resolution_minutes": 4320, "version": 1, "updated_at": "2026-11-29T08:00:00Z"}))]
pub struct SlaPolicy {
    pub severity: Severity,
    pub first_response_minutes: i32,
    pub resolution_minutes: i32,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

/// New deadlines for a severity. They apply to complaints received from now on (and to those
/// whose severity is changed later); existing deadlines stay as they were set.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"first_response_minutes": 120, "resolution_minutes": 2880}))]
pub struct SlaPolicyUpdate {
    /// 1 minute to 1 year; not more than `resolution_minutes`.
    #[serde(deserialize_with = "crate::model::number::whole_i64")]
    #[validate(range(min = 1, max = 525_600))]
    #[schema(minimum = 1, maximum = 525_600)]
    pub first_response_minutes: i64,
    /// 1 minute to 1 year.
    #[serde(deserialize_with = "crate::model::number::whole_i64")]
    #[validate(range(min = 1, max = 525_600))]
    #[schema(minimum = 1, maximum = 525_600)]
    pub resolution_minutes: i64,
}
