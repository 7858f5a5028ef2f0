//! The event feed: what changed, in order.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::page::query_whole;
use crate::model::event::EventType;
use crate::model::role::ActorType;

/// Who made a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct EventActor {
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// The user or API key; null for the system.
    pub id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932cb0-0000-7000-8000-000000000001", "type": "customer.tier_changed",
    "occurred_at": "2026-12-01T10:00:00.123Z",
    "actor": {"type": "api_key", "id": "01932ca0-0000-7000-8000-000000000001"},
    "subject_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
    "data": {"id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "name": "Ada Lovelace", "tier": "key"}
}))]
pub struct Event {
    /// Unique; `after` takes it to resume the feed from this event.
    pub id: Uuid,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub occurred_at: DateTime<Utc>,
    pub actor: EventActor,
    /// The record the event is about (a customer, purchase, touchpoint, complaint…).
    pub subject_id: Uuid,
    pub customer_id: Uuid,
    /// The record as the API showed it when the event happened: a `Customer` for
    /// `customer.*`, a `Purchase`, `Interaction`, `Touchpoint` or `Complaint` for theirs, and
    /// `{"segment_id", "customer_id"}` for `segment.*`; an `Erasure` for `customer.erased`
    /// and a `Merge` for `customer.merged`.
    /// Once the customer is erased, the `data` of every earlier event about it is
    /// `{"erased": true}`.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Resume after this event (the `next_cursor` of the last page); from the oldest kept
    /// without it.
    pub after: Option<Uuid>,
    /// Only events of this type.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub kind: Option<EventType>,
    /// Only events about this customer.
    pub customer_id: Option<Uuid>,
    /// 1–200, default 50.
    #[serde(default, deserialize_with = "query_whole")]
    #[param(minimum = 1, maximum = 200, default = 50, value_type = Option<i64>)]
    pub limit: Option<i64>,
}

/// A page of the feed. `next_cursor` is the id of the last event returned, or the `after`
/// given when nothing new came: poll with it forever and no event is missed or repeated.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "items": [{
        "id": "01932cb0-0000-7000-8000-000000000001", "type": "customer.created",
        "occurred_at": "2026-12-01T10:00:00.123Z", "actor": {"type": "user", "id": "01932c8e-0000-7000-8000-000000000001"},
        "subject_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
        "data": {"id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "name": "Ada Lovelace"}
    }],
    "next_cursor": "01932cb0-0000-7000-8000-000000000001"
}))]
pub struct EventPage {
    pub items: Vec<Event>,
    pub next_cursor: Option<Uuid>,
}
