//! User bodies (admin only) and the caller's own profile.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::model::error::DomainError;

use crate::dto::auth::REDACTED;
use crate::dto::{Timezone, present};
use crate::model::role::Role;

#[derive(Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "sam@example.com", "name": "Sam Carter", "role": "agent", "password": "correct horse battery staple"}))]
pub struct UserCreate {
    #[validate(email, length(max = 254))]
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    pub role: Role,
    /// Defaults to true.
    pub active: Option<bool>,
    /// Write-only; stored as an argon2 hash.
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256, write_only)]
    pub password: String,
    /// IANA timezone name; defaults to `UTC`. The agenda groups days in it.
    #[schema(value_type = Option<Timezone>)]
    pub timezone: Option<String>,
}

#[derive(Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"role": "manager"}))]
pub struct UserPatch {
    #[validate(email, length(max = 254))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, format = Email, max_length = 254)]
    pub email: Option<String>,
    #[validate(length(min = 1, max = 200))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub role: Option<Role>,
    /// Deactivating a user who still owns customers or holds open complaints is refused
    /// unless `reassign_to` names who takes them over.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub active: Option<bool>,
    #[validate(length(min = 12, max = 256))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, min_length = 12, max_length = 256, write_only)]
    pub password: Option<String>,
    /// With `"active": false`: the active user who takes over all of this user's customers
    /// and open complaints, each hand-off recorded.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub reassign_to: Option<Uuid>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Timezone>, nullable = false)]
    pub timezone: Option<String>,
}

/// Passwords never reach a log line.
impl std::fmt::Debug for UserCreate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserCreate")
            .field("email", &self.email)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("active", &self.active)
            .field("password", &REDACTED)
            .field("timezone", &self.timezone)
            .finish()
    }
}

impl std::fmt::Debug for UserPatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserPatch")
            .field("email", &self.email)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("active", &self.active)
            .field("password", &self.password.as_ref().map(|_| REDACTED))
            .field("reassign_to", &self.reassign_to)
            .field("timezone", &self.timezone)
            .finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c8e-0000-7000-8000-000000000001", "email": "sam@example.com", "name": "Sam Carter",
    "role": "agent", "active": true, "timezone": "Europe/Berlin", "version": 1,
    "created_at": "2026-01-15T10:00:00Z", "updated_at": "2026-01-15T10:00:00Z"
}))]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub timezone: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<entity::users::Model> for User {
    type Error = DomainError;

    fn try_from(m: entity::users::Model) -> Result<Self, DomainError> {
        Ok(Self {
            id: m.id,
            role: Role::from_stored(&m.role)?,
            email: m.email,
            name: m.name,
            active: m.active,
            timezone: m.timezone,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListQuery {
    pub role: Option<Role>,
    pub active: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::auth::TokenRequest;

    #[test]
    fn passwords_do_not_leak_through_debug() {
        let create: UserCreate = serde_json::from_value(serde_json::json!({
            "email": "a@b.c", "name": "A", "role": "agent", "password": "create-secret-1"
        }))
        .unwrap();
        let patch: UserPatch =
            serde_json::from_value(serde_json::json!({"password": "patch-secret-2"})).unwrap();
        let token: TokenRequest = serde_json::from_value(
            serde_json::json!({"email": "a@b.c", "password": "token-secret-3"}),
        )
        .unwrap();
        let shown = format!("{create:?} {patch:?} {token:?}");
        for secret in ["create-secret-1", "patch-secret-2", "token-secret-3"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("a@b.c"));
    }
}
