//! Interaction bodies and list parameters.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::expand::CustomerSummary;
use crate::dto::{nullable, present};
use crate::model::customer::Channel;
use crate::model::error::DomainError;
use crate::model::interaction::{Direction, Outcome};
use crate::model::number::Rating;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "channel": "phone", "direction": "outbound",
    "occurred_at": "2026-11-20T14:30:00Z", "subject": "Usage check", "summary": "Happy with the delivery",
    "outcome": "positive", "satisfaction": 5
}))]
pub struct InteractionCreate {
    pub customer_id: Uuid,
    /// Who spoke with the customer; defaults to the caller. Agents log only their own.
    pub user_id: Option<Uuid>,
    pub channel: Channel,
    pub direction: Direction,
    /// When it happened; defaults to now and may not be in the future.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub occurred_at: Option<DateTime<Utc>>,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub subject: Option<String>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub summary: Option<String>,
    pub outcome: Option<Outcome>,
    pub satisfaction: Option<Rating>,
    /// The touchpoint this interaction fulfils, if any.
    pub touchpoint_id: Option<Uuid>,
}

/// A partial update: absent fields stay, `null` clears an optional one.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"summary": "Called back: all fine", "outcome": "positive"}))]
pub struct InteractionPatch {
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub channel: Option<Channel>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub direction: Option<Direction>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub occurred_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 200))]
    #[schema(max_length = 200, nullable)]
    pub subject: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000, nullable)]
    pub summary: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Outcome>, nullable)]
    pub outcome: Option<Option<Outcome>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Rating>, nullable)]
    pub satisfaction: Option<Option<Rating>>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c90-1111-7000-8000-000000000001", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
    "user_id": "01932c8e-0000-7000-8000-000000000001", "channel": "phone", "direction": "outbound",
    "occurred_at": "2026-11-20T14:30:00Z", "subject": "Usage check", "summary": "Happy with the delivery",
    "outcome": "positive", "satisfaction": 5, "touchpoint_id": null, "without_consent": false, "version": 1,
    "created_at": "2026-11-20T14:35:00Z", "updated_at": "2026-11-20T14:35:00Z"
}))]
pub struct Interaction {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub user_id: Uuid,
    pub channel: Channel,
    pub direction: Direction,
    pub occurred_at: DateTime<Utc>,
    pub subject: Option<String>,
    pub summary: Option<String>,
    pub outcome: Option<Outcome>,
    pub satisfaction: Option<Rating>,
    pub touchpoint_id: Option<Uuid>,
    /// Outbound on a channel the customer refused, or to a customer not to be contacted:
    /// accepted (it happened) and flagged.
    pub without_consent: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// With `expand=customer`: the customer's summary (left out when the caller may not see it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub customer: Option<CustomerSummary>,
}

impl TryFrom<entity::interactions::Model> for Interaction {
    type Error = DomainError;

    fn try_from(m: entity::interactions::Model) -> Result<Self, DomainError> {
        Ok(Self {
            id: m.id,
            customer_id: m.customer_id,
            user_id: m.user_id,
            channel: Channel::from_stored(&m.channel)?,
            direction: Direction::from_stored(&m.direction)?,
            occurred_at: m.occurred_at,
            subject: m.subject,
            summary: m.summary,
            outcome: m.outcome.as_deref().map(Outcome::from_stored).transpose()?,
            satisfaction: m
                .satisfaction
                .and_then(|s| u8::try_from(s).ok())
                .map(Rating),
            touchpoint_id: m.touchpoint_id,
            without_consent: m.without_consent,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
            customer: None,
        })
    }
}

/// Filters and page of the interactions list, newest first.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InteractionListQuery {
    pub customer_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub channel: Option<Channel>,
    /// Interactions at or after this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub from: Option<DateTime<Utc>>,
    /// Interactions before this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub to: Option<DateTime<Utc>>,
}
