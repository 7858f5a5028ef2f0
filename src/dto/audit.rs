//! The audit trail as the API shows it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::event::EventActor;
use crate::model::error::DomainError;
use crate::model::role::ActorType;

/// One write or sign-in: who, what, when and from where. `fields` names what the request
/// body set, never its values.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932cc0-0000-7000-8000-000000000001", "at": "2026-12-01T10:00:00.123Z",
    "actor": {"type": "user", "id": "01932c8e-0000-7000-8000-000000000001"},
    "action": "update", "entity_type": "customer",
    "entity_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "status": 200,
    "request_id": "01932cc0-0000-7000-8000-0000000000aa", "ip": "203.0.113.7",
    "fields": ["tier", "notes"]
}))]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// Who acted; `{"type": "system", "id": null}` when no caller was authenticated (a
    /// failed sign-in, a refused request).
    pub actor: EventActor,
    /// `create`, `update`, `delete`, `sign_in`, `export`, `erase`, or the name of the
    /// operation the path ends in (`complete`, `transitions`, `rotate_secret`…).
    pub action: String,
    /// `customer`, `purchase`, `interaction`, `touchpoint`, `complaint`, `segment`,
    /// `playbook`, `user`, `api_key`, `webhook`, `session`…
    pub entity_type: String,
    pub entity_id: Option<String>,
    /// The HTTP status the request was answered with.
    pub status: u16,
    pub request_id: Option<String>,
    pub ip: Option<String>,
    /// The top-level fields of the JSON body sent, by name.
    pub fields: Vec<String>,
}

impl TryFrom<entity::audit_log::Model> for AuditEntry {
    type Error = DomainError;

    fn try_from(m: entity::audit_log::Model) -> Result<Self, DomainError> {
        Ok(Self {
            id: m.id,
            at: m.at,
            actor: EventActor {
                kind: ActorType::from_stored(&m.actor_type)?,
                id: m.actor_id,
            },
            action: m.action,
            entity_type: m.entity_type,
            entity_id: m.entity_id,
            status: u16::try_from(m.status).unwrap_or_default(),
            request_id: m.request_id,
            ip: m.ip,
            fields: serde_json::from_value(m.fields).map_err(DomainError::internal)?,
        })
    }
}

/// Filters of the audit trail; newest first.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Entries of this user or API key.
    pub actor_id: Option<Uuid>,
    #[param(min_length = 1, max_length = 40)]
    #[validate(length(min = 1, max = 40))]
    pub entity_type: Option<String>,
    #[param(min_length = 1, max_length = 64)]
    #[validate(length(min = 1, max = 64))]
    pub entity_id: Option<String>,
    #[param(min_length = 1, max_length = 40)]
    #[validate(length(min = 1, max = 40))]
    pub action: Option<String>,
    /// From this instant on.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub from: Option<DateTime<Utc>>,
    /// Before this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub to: Option<DateTime<Utc>>,
}
