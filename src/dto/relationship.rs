//! Ownership, history and timeline bodies.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::dto::complaint::Complaint;
use crate::dto::expand::CustomerSummary;
use crate::dto::interaction::Interaction;
use crate::dto::purchase::Purchase;
use crate::dto::touchpoint::Touchpoint;
use crate::model::error::DomainError;
use crate::model::role::ActorType;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"owner_id": "01932c8e-0000-7000-8000-000000000002", "reason": "Moved to after-sale care"}))]
pub struct OwnerChange {
    /// An active user who can own customers.
    pub owner_id: Uuid,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// One hand-off of a customer from one owner to another.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c95-6666-7000-8000-000000000001", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
    "from_owner_id": "01932c8e-0000-7000-8000-000000000001", "to_owner_id": "01932c8e-0000-7000-8000-000000000002",
    "by_user_id": "01932c8e-0000-7000-8000-000000000003", "actor_type": "user", "reason": "after-sale care", "at": "2026-11-18T10:05:00Z"
}))]
pub struct Handoff {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub from_owner_id: Uuid,
    pub to_owner_id: Uuid,
    /// Who made the hand-off: a user, or the API key `actor_type` says.
    pub by_user_id: Uuid,
    pub actor_type: ActorType,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

impl TryFrom<entity::customer_handoffs::Model> for Handoff {
    type Error = DomainError;

    fn try_from(m: entity::customer_handoffs::Model) -> Result<Self, DomainError> {
        Ok(Self {
            id: m.id,
            customer_id: m.customer_id,
            from_owner_id: m.from_owner_id,
            to_owner_id: m.to_owner_id,
            by_user_id: m.by_user_id,
            actor_type: ActorType::from_stored(&m.actor_type)?,
            reason: m.reason,
            at: m.at,
        })
    }
}

/// One change of tier, lifecycle stage, status or owner.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c92-3333-7000-8000-000000000001", "field": "tier", "from": "general", "to": "important",
    "actor_id": "01932c8e-0000-7000-8000-000000000001", "actor_type": "user", "reason": null, "at": "2026-11-18T10:05:00Z"
}))]
pub struct HistoryEntry {
    pub id: Uuid,
    /// `tier`, `lifecycle_stage`, `status` or `owner`.
    pub field: String,
    /// The value before; null when the customer was created.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Who made the change (a user or an API key, as `actor_type` says); null for changes
    /// made by the system.
    pub actor_id: Option<Uuid>,
    pub actor_type: ActorType,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

impl TryFrom<entity::customer_history::Model> for HistoryEntry {
    type Error = DomainError;

    fn try_from(m: entity::customer_history::Model) -> Result<Self, DomainError> {
        Ok(Self {
            id: m.id,
            field: m.field,
            from: m.from_value,
            to: m.to_value,
            actor_id: m.actor_id,
            actor_type: ActorType::from_stored(&m.actor_type)?,
            reason: m.reason,
            at: m.at,
        })
    }
}

/// What a timeline item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Handoff,
    Interaction,
    Purchase,
    /// At its due time, so scheduled ones come first.
    Touchpoint,
    /// At the time it was received.
    Complaint,
}

/// The record behind a timeline item; its shape follows `kind`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum TimelineRecord {
    Interaction(Interaction),
    Purchase(Purchase),
    Handoff(Handoff),
    Touchpoint(Touchpoint),
    Complaint(Complaint),
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "kind": "interaction", "at": "2026-11-20T14:30:00Z",
    "record": {
        "id": "01932c90-1111-7000-8000-000000000001", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
        "user_id": "01932c8e-0000-7000-8000-000000000001", "channel": "phone", "direction": "outbound",
        "occurred_at": "2026-11-20T14:30:00Z", "subject": "Usage check", "summary": "Happy with the delivery",
        "outcome": "positive", "satisfaction": 5, "touchpoint_id": null, "without_consent": false, "version": 1,
        "created_at": "2026-11-20T14:35:00Z", "updated_at": "2026-11-20T14:35:00Z"
    }
}))]
pub struct TimelineItem {
    pub kind: TimelineKind,
    pub at: DateTime<Utc>,
    pub record: TimelineRecord,
    /// With `expand=customer`: the customer's summary (left out when the caller may not see it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub customer: Option<CustomerSummary>,
}

/// One change of a customer's consent: a channel's state or the `do_not_contact` flag.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d10", "channel": "phone", "state": "refused",
    "do_not_contact": null, "source": "phone call", "actor_id": "01932c8e-0000-7000-8000-000000000001",
    "actor_type": "user", "changed_at": "2026-11-02T14:30:00Z"
}))]
pub struct ConsentChange {
    pub id: Uuid,
    /// The channel whose state changed; null when the change is of `do_not_contact`.
    pub channel: Option<crate::model::customer::Channel>,
    /// The channel's new state.
    pub state: Option<crate::model::consent::ConsentState>,
    /// The flag's new value, when it changed.
    pub do_not_contact: Option<bool>,
    /// Where the customer expressed it, as the caller said; `api` when not given.
    pub source: Option<String>,
    pub actor_id: Option<Uuid>,
    pub actor_type: ActorType,
    pub changed_at: DateTime<Utc>,
}

impl TryFrom<entity::consent_changes::Model> for ConsentChange {
    type Error = DomainError;

    fn try_from(m: entity::consent_changes::Model) -> Result<Self, DomainError> {
        Ok(Self {
            id: m.id,
            channel: m
                .channel
                .as_deref()
                .map(crate::model::customer::Channel::from_stored)
                .transpose()?,
            state: m
                .state
                .as_deref()
                .map(crate::model::consent::ConsentState::from_stored)
                .transpose()?,
            do_not_contact: m.do_not_contact,
            source: m.source,
            actor_id: m.actor_id,
            actor_type: ActorType::from_stored(&m.actor_type)?,
            changed_at: m.changed_at,
        })
    }
}
