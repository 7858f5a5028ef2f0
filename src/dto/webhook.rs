//! Webhook bodies (admin only): endpoints, their secret (shown once), deliveries and attempts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::{nullable, present};
use crate::model::event::EventType;
use crate::model::vocabulary;

/// The most event types one endpoint lists (there are fewer types than this).
pub const MAX_EVENT_TYPES: u64 = 64;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "url": "https://hooks.example.com/rapport", "event_types": ["customer.churned", "complaint.escalated"],
    "description": "Escalations to the support chat"
}))]
pub struct WebhookCreate {
    /// Where deliveries are sent: https, on a public address (see `RAPPORT_WEBHOOK_ALLOW_HTTP`
    /// and `RAPPORT_WEBHOOK_ALLOWED_HOSTS`).
    #[schema(max_length = 2048)]
    pub url: String,
    /// The event types to deliver; empty or absent for every type.
    #[validate(length(max = 64))]
    #[schema(max_items = 64)]
    pub event_types: Option<Vec<EventType>>,
    /// Deliver now (default); an inactive endpoint keeps its place in the feed and receives
    /// what it missed once active again.
    pub active: Option<bool>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"active": true, "event_types": []}))]
pub struct WebhookPatch {
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, max_length = 2048)]
    pub url: Option<String>,
    #[validate(length(max = 64))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, max_items = 64)]
    pub event_types: Option<Vec<EventType>>,
    /// `true` turns a disabled endpoint back on (clearing `disabled_reason`); its pending
    /// deliveries resume.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub active: Option<bool>,
    #[validate(length(max = 2000))]
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable, max_length = 2000)]
    pub description: Option<Option<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932cc0-0000-7000-8000-000000000001", "url": "https://hooks.example.com/rapport",
    "event_types": ["customer.churned", "complaint.escalated"], "active": true,
    "description": "Escalations to the support chat", "disabled_reason": null, "failing_since": null,
    "secret_prefix": "whsec_MfKQ", "previous_secret_expires_at": null,
    "created_by": "01932c8e-0000-7000-8000-000000000001", "version": 1,
    "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z"
}))]
pub struct Webhook {
    pub id: Uuid,
    pub url: String,
    /// Empty: every type.
    pub event_types: Vec<EventType>,
    pub active: bool,
    pub description: Option<String>,
    /// Why the service turned the endpoint off (it failed for longer than
    /// `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS`); null otherwise.
    pub disabled_reason: Option<String>,
    /// Since when every attempt has failed; null while the endpoint answers.
    pub failing_since: Option<DateTime<Utc>>,
    /// The start of the signing secret, to tell secrets apart.
    pub secret_prefix: String,
    /// Until when the secret before the last rotation still signs, if it does.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new endpoint and, this once, its signing secret.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932cc0-0000-7000-8000-000000000001", "url": "https://hooks.example.com/rapport",
    "event_types": [], "active": true, "description": null, "disabled_reason": null, "failing_since": null,
    "secret_prefix": "whsec_MfKQ", "previous_secret_expires_at": null,
    "created_by": "01932c8e-0000-7000-8000-000000000001", "version": 1,
    "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z",
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwexampleexample="
}))]
pub struct WebhookCreated {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// `whsec_…`, for verifying deliveries with a Standard Webhooks library. It is not shown
    /// again; `rotate-secret` makes a new one.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwexampleexample=")]
    pub secret: String,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"grace_hours": 24}))]
pub struct SecretRotation {
    /// How long the old secret keeps signing beside the new one, 0–168 hours (default 24), so
    /// that receivers can change over without refusing a delivery.
    #[validate(range(min = 0, max = 168))]
    #[schema(minimum = 0, maximum = 168, default = 24)]
    pub grace_hours: Option<i64>,
}

/// The endpoint with its new secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932cc0-0000-7000-8000-000000000001", "url": "https://hooks.example.com/rapport",
    "event_types": [], "active": true, "description": null, "disabled_reason": null, "failing_since": null,
    "secret_prefix": "whsec_Qx7v", "previous_secret_expires_at": "2026-12-02T10:00:00Z",
    "created_by": "01932c8e-0000-7000-8000-000000000001", "version": 2,
    "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z",
    "secret": "whsec_Qx7vexampleexampleexampleexampleexampleex="
}))]
pub struct WebhookRotated {
    #[serde(flatten)]
    pub webhook: Webhook,
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwexampleexample=")]
    pub secret: String,
}

vocabulary!(
    /// Where a delivery stands: `pending` (to be tried, or being tried), `delivered` (a 2xx
    /// came back) or `failed` (its retry window closed; `retry` tries again).
    DeliveryState {
        Pending => "pending",
        Delivered => "delivered",
        Failed => "failed",
    }
);

/// One try of a delivery.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "number": 1, "at": "2026-12-01T10:00:00.120Z", "status_code": 503, "latency_ms": 41,
    "error": "the receiver answered 503", "response_body": "busy"
}))]
pub struct DeliveryAttempt {
    /// 1 for the first try.
    pub number: i32,
    pub at: DateTime<Utc>,
    /// Null when no answer came (refused, timed out, address not allowed).
    pub status_code: Option<i32>,
    pub latency_ms: i64,
    pub error: Option<String>,
    /// The first 1,024 bytes of the answer's body.
    pub response_body: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932cc1-0000-7000-8000-000000000001", "webhook_id": "01932cc0-0000-7000-8000-000000000001",
    "event_id": "01932cb0-0000-7000-8000-000000000001", "event_type": "customer.churned",
    "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "state": "pending", "attempts": 1,
    "next_attempt_at": "2026-12-01T10:00:05.120Z", "give_up_at": "2026-12-02T10:00:00.100Z",
    "delivered_at": null, "created_at": "2026-12-01T10:00:00.100Z",
    "log": [{"number": 1, "at": "2026-12-01T10:00:00.120Z", "status_code": 503, "latency_ms": 41,
        "error": "the receiver answered 503", "response_body": "busy"}]
}))]
pub struct Delivery {
    pub id: Uuid,
    pub webhook_id: Uuid,
    /// Also the `webhook-id` header, the same on every try: receivers deduplicate with it.
    pub event_id: Uuid,
    /// An event type, or `webhook.ping`.
    pub event_type: String,
    /// Null for a ping.
    pub customer_id: Option<Uuid>,
    pub state: DeliveryState,
    pub attempts: i32,
    /// When a pending delivery is tried next.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// After this instant a failed try is the last.
    pub give_up_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Every try, oldest first.
    pub log: Vec<DeliveryAttempt>,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    /// Only deliveries in this state.
    pub state: Option<DeliveryState>,
    /// Only the delivery of this event.
    pub event_id: Option<Uuid>,
}
