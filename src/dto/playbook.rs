//! Playbook bodies: a cadence of steps (ISO 8601 offsets from the trigger) and an optional
//! recurring contact, for a tier, for all tiers, or for one customer (a personal plan).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::{nullable, present};
use crate::model::cadence::{Purpose, Trigger};
use crate::model::customer::{Channel, Tier};

/// One contact of a playbook, `offset` after the trigger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"offset": "P3D", "channel": "email", "purpose": "thank_you", "title": "Thank you, and is everything working?"}))]
pub struct PlaybookStep {
    /// ISO 8601 duration after the trigger: `P3D`, `PT24H`, `P1W`, `P1M` (calendar months keep
    /// the day of the month, clamped to the month's end). At most ten years.
    #[validate(length(min = 2, max = 32))]
    #[schema(min_length = 2, max_length = 32, example = "P3D")]
    pub offset: String,
    pub channel: Channel,
    pub purpose: Purpose,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
}

/// A contact repeated `every` period, anchored at the trigger time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"every": "P3M", "channel": "phone", "purpose": "periodic_care", "title": "Quarterly care"}))]
pub struct PlaybookRecurrence {
    /// ISO 8601 duration of at least one day, at most ten years.
    #[validate(length(min = 2, max = 32))]
    #[schema(min_length = 2, max_length = 32, example = "P3M")]
    pub every: String,
    pub channel: Channel,
    pub purpose: Purpose,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Key accounts after a sale", "tier": "key", "trigger": "after_purchase",
    "steps": [
        {"offset": "P1D", "channel": "letter", "purpose": "thank_you", "title": "Handwritten thank-you"},
        {"offset": "P2W", "channel": "visit", "purpose": "visit", "title": "Visit"}
    ],
    "recurrence": {"every": "P1M", "channel": "phone", "purpose": "periodic_care", "title": "Monthly personal contact"}
}))]
pub struct PlaybookCreate {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// The tier it serves; absent or null with no `customer_id` for every tier.
    pub tier: Option<Tier>,
    /// One customer's personal plan, which replaces the tier's playbooks for that customer
    /// and trigger. Not together with `tier`.
    pub customer_id: Option<Uuid>,
    pub trigger: Trigger,
    #[validate(length(max = 20), nested)]
    #[schema(max_items = 20)]
    pub steps: Vec<PlaybookStep>,
    #[validate(nested)]
    pub recurrence: Option<PlaybookRecurrence>,
    /// Defaults to true.
    pub active: Option<bool>,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"steps": [{"offset": "P2D", "channel": "phone", "purpose": "thank_you", "title": "Call to thank"}], "active": true}))]
pub struct PlaybookPatch {
    #[validate(length(min = 1, max = 200))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub trigger: Option<Trigger>,
    #[validate(length(max = 20), nested)]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, max_items = 20)]
    pub steps: Option<Vec<PlaybookStep>>,
    #[validate(nested)]
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<PlaybookRecurrence>, nullable)]
    pub recurrence: Option<Option<PlaybookRecurrence>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub active: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c99-5555-7000-8000-000000000001", "name": "Key accounts after a sale",
    "tier": "key", "customer_id": null, "trigger": "after_purchase",
    "steps": [
        {"offset": "P1D", "channel": "letter", "purpose": "thank_you", "title": "Handwritten thank-you"},
        {"offset": "P2W", "channel": "visit", "purpose": "visit", "title": "Visit"}
    ],
    "recurrence": {"every": "P1M", "channel": "phone", "purpose": "periodic_care", "title": "Monthly personal contact"},
    "active": true, "is_default": true, "version": 1,
    "created_at": "2026-11-23T09:00:00Z", "updated_at": "2026-11-23T09:00:00Z"
}))]
pub struct Playbook {
    pub id: Uuid,
    pub name: String,
    pub tier: Option<Tier>,
    pub customer_id: Option<Uuid>,
    pub trigger: Trigger,
    pub steps: Vec<PlaybookStep>,
    pub recurrence: Option<PlaybookRecurrence>,
    pub active: bool,
    /// Seeded from the defaults on first start (and perhaps edited since).
    pub is_default: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlaybookListQuery {
    pub tier: Option<Tier>,
    pub trigger: Option<Trigger>,
    /// Personal plans of this customer.
    pub customer_id: Option<Uuid>,
    pub active: Option<bool>,
}
