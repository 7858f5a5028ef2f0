//! API key bodies (admin only): a key is shown with its secret once, at creation.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::dto::{nullable, present};
use crate::model::role::Role;
use crate::model::scope::Scopes;

/// Schema-only type: a scope name, `<resource>:read` or `<resource>:write` (which includes
/// reading).
pub struct ScopeName;

impl utoipa::PartialSchema for ScopeName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "What an API key may reach: `<resource>:read`, or `<resource>:write` which includes reading",
            ))
            .enum_values(Some(Scopes::names()))
            .examples([serde_json::json!("customers:read")])
            .extensions(Some(
                utoipa::openapi::extensions::ExtensionsBuilder::new()
                    .add(
                        "x-enum-varnames",
                        Scopes::names()
                            .iter()
                            .map(|n| n.replace(':', "_").to_uppercase())
                            .collect::<Vec<_>>(),
                    )
                    .build(),
            ))
            .into()
    }
}

impl utoipa::ToSchema for ScopeName {}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Helpdesk", "description": "Opens complaints from support tickets", "role": "manager",
    "scopes": ["complaints:write", "customers:read"], "expires_at": "2027-12-31T00:00:00Z"
}))]
pub struct ApiKeyCreate {
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// `manager`, `agent` or `viewer`; a key is never an admin.
    pub role: Role,
    /// The user the key acts for: an `agent` key sees this agent's customers (required);
    /// for the other roles it is who a write names where it names no one (the owner of a new
    /// customer), by default the admin creating the key.
    pub owner_id: Option<Uuid>,
    /// What the key may reach within its role; empty or absent for everything the role allows.
    #[validate(length(max = 32))]
    #[schema(value_type = Option<Vec<ScopeName>>, max_items = 32)]
    pub scopes: Option<Vec<String>>,
    /// After this instant the key is refused; none for a key that does not expire.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"scopes": ["complaints:read"], "expires_at": null}))]
pub struct ApiKeyPatch {
    #[validate(length(min = 1, max = 100))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: Option<String>,
    #[validate(length(max = 2000))]
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable, max_length = 2000)]
    pub description: Option<Option<String>>,
    #[validate(length(max = 32))]
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Vec<ScopeName>>, nullable = false, max_items = 32)]
    pub scopes: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<DateTime<Utc>>, nullable, pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub expires_at: Option<Option<DateTime<Utc>>>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932ca0-0000-7000-8000-000000000001", "name": "Helpdesk",
    "description": "Opens complaints from support tickets", "role": "manager",
    "owner_id": "01932c8e-0000-7000-8000-000000000001", "scopes": ["complaints:write", "customers:read"],
    "prefix": "rk_3kTq9ZxB", "expires_at": "2027-12-31T00:00:00Z", "last_used_at": null, "revoked_at": null,
    "created_by": "01932c8e-0000-7000-8000-000000000001", "version": 1,
    "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z"
}))]
pub struct ApiKey {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub role: Role,
    pub owner_id: Uuid,
    /// Empty: everything the role allows.
    #[schema(value_type = Vec<ScopeName>)]
    pub scopes: Vec<String>,
    /// The start of the secret, to tell keys apart; the secret itself is never shown again.
    pub prefix: String,
    pub expires_at: Option<DateTime<Utc>>,
    /// To the minute: a key used often is not written on every request.
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new key and, this once, its secret.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932ca0-0000-7000-8000-000000000001", "name": "Helpdesk",
    "description": "Opens complaints from support tickets", "role": "manager",
    "owner_id": "01932c8e-0000-7000-8000-000000000001", "scopes": ["complaints:write", "customers:read"],
    "prefix": "rk_3kTq9ZxB", "expires_at": null, "last_used_at": null, "revoked_at": null,
    "created_by": "01932c8e-0000-7000-8000-000000000001", "version": 1,
    "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z",
    "secret": "rk_3kTq9ZxBexampleexampleexampleexampleex"
}))]
pub struct ApiKeyCreated {
    #[serde(flatten)]
    pub key: ApiKey,
    /// `rk_…`: send it as `Authorization: Bearer <secret>`. Only a hash is kept, so it cannot
    /// be shown again; a lost secret means a new key.
    #[schema(example = "rk_3kTq9ZxBexampleexampleexampleexampleex")]
    pub secret: String,
}
