//! API keys: service principals for integrations. A key acts with a role (never admin, so it
//! never manages users or keys) for a user (an agent key sees that agent's customers), within
//! optional scopes. Only the SHA-256 of the secret is kept: the secret is long and random, so
//! a slow password hash would add nothing but cost on every request.

use chrono::{DateTime, Utc};
use entity::api_keys;
use sea_orm::{DatabaseConnection, Set};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::page::keyset;
use crate::domain::password;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::api_key::{ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyPatch};
use crate::dto::page::{Page, PageQuery};
use crate::model::error::{DomainError, DomainResult, FieldCode, FieldError};
use crate::model::role::{Actor, KeyGrant, Role};
use crate::model::scope::Scopes;
use crate::store;

/// How every secret starts, so that secret scanners recognise a leaked one.
pub const SECRET_PREFIX: &str = "rk_";

/// Random characters after the prefix: 40 alphanumerics, about 238 bits.
const SECRET_CHARS: usize = 40;

/// How much of the secret is kept to tell keys apart: the prefix and 8 characters.
const SHOWN_CHARS: usize = SECRET_PREFIX.len() + 8;

const MANAGE_KEYS: &str = "manage API keys";

pub fn is_key(bearer: &str) -> bool {
    bearer.starts_with(SECRET_PREFIX)
}

fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The caller a key stands for, if it is usable at `now`: neither revoked nor expired, and
/// acting for a user who is still active. One statement per request, so that a revocation
/// or a deactivation stops the key at once on every replica.
pub async fn authenticate(
    db: &DatabaseConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> DomainResult<Actor> {
    let refused =
        || DomainError::Unauthenticated("the API key is unknown, expired or revoked".into());
    let (key, owner) = store::api_keys::usable(db, &hash(secret), now)
        .await?
        .ok_or_else(refused)?;
    if !owner.is_some_and(|o| o.active) {
        return Err(refused());
    }
    if key
        .last_used_at
        .is_none_or(|at| at < now - chrono::Duration::minutes(1))
    {
        store::api_keys::touch(db, key.id, now).await?;
    }
    Ok(Actor {
        id: key.owner_id,
        role: Role::from_stored(&key.role)?,
        key: Some(KeyGrant {
            id: key.id,
            scopes: Scopes::parse(scope_names(&key).iter().map(String::as_str))
                .map_err(|name| DomainError::Internal(format!("stored scope {name:?}")))?,
        }),
    })
}

fn scope_names(key: &api_keys::Model) -> Vec<String> {
    serde_json::from_value(key.scopes.clone()).unwrap_or_default()
}

fn to_dto(key: api_keys::Model) -> DomainResult<ApiKey> {
    Ok(ApiKey {
        id: key.id,
        role: Role::from_stored(&key.role)?,
        scopes: scope_names(&key),
        name: key.name,
        description: key.description,
        owner_id: key.owner_id,
        prefix: key.prefix,
        expires_at: key.expires_at,
        last_used_at: key.last_used_at,
        revoked_at: key.revoked_at,
        created_by: key.created_by,
        version: key.version,
        created_at: key.created_at,
        updated_at: key.updated_at,
    })
}

/// Scope names, checked and without repeats, in the order given.
fn checked_scopes(names: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if Scopes::parse([name.as_str()]).is_err() {
            errors.push(FieldError::new(
                format!("scopes[{i}]"),
                FieldCode::UnknownValue,
                format!(
                    "must be one of {} (`write` includes `read`)",
                    Scopes::names().join(", ")
                ),
            ));
        } else if !kept.contains(name) {
            kept.push(name.clone());
        }
    }
    kept
}

fn check_expiry(at: Option<DateTime<Utc>>, now: DateTime<Utc>, errors: &mut Vec<FieldError>) {
    if at.is_some_and(|at| !crate::dto::time::instant_in_range(&at)) {
        errors.push(FieldError::new(
            "expires_at",
            FieldCode::OutOfRange,
            crate::dto::time::OUT_OF_RANGE,
        ));
    } else if at.is_some_and(|at| at <= now) {
        errors.push(FieldError::new(
            "expires_at",
            FieldCode::OutOfRange,
            "must lie in the future",
        ));
    }
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: ApiKeyCreate,
    now: DateTime<Utc>,
) -> DomainResult<ApiKeyCreated> {
    actor.ensure_admin(MANAGE_KEYS)?;
    let mut errors = Vec::new();
    if input.name.trim().is_empty() {
        errors.push(FieldError::blank("name"));
    }
    if input.role == Role::Admin {
        errors.push(FieldError::new(
            "role",
            FieldCode::NotAllowed,
            "a key is a manager, an agent or a viewer; only people administer",
        ));
    }
    let scopes = checked_scopes(input.scopes.as_deref().unwrap_or_default(), &mut errors);
    check_expiry(input.expires_at, now, &mut errors);
    let owner_id = match (input.owner_id, input.role) {
        (Some(owner), _) => Some(owner),
        (None, Role::Agent) => {
            errors.push(FieldError::new(
                "owner_id",
                FieldCode::Required,
                "an agent key names the agent whose customers it sees",
            ));
            None
        }
        (None, _) => Some(actor.id),
    };
    if let Some(owner) = owner_id {
        let user = store::users::find(db, owner).await?.filter(|u| u.active);
        match user {
            None => errors.push(FieldError::no_such("owner_id", "active user")),
            Some(u) if input.role == Role::Agent && u.role != Role::Agent.as_str() => {
                errors.push(FieldError::new(
                    "owner_id",
                    FieldCode::NotAllowed,
                    "an agent key acts for an agent",
                ));
            }
            Some(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let secret = format!("{SECRET_PREFIX}{}", password::random_token(SECRET_CHARS));
    let row = api_keys::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(input.name.trim().to_string()),
        description: Set(input.description),
        role: Set(input.role.as_str().into()),
        owner_id: Set(owner_id.unwrap_or(actor.id)),
        scopes: Set(serde_json::json!(scopes)),
        prefix: Set(secret[..SHOWN_CHARS].to_string()),
        secret_hash: Set(hash(&secret)),
        expires_at: Set(input.expires_at),
        last_used_at: Set(None),
        revoked_at: Set(None),
        created_by: Set(actor.id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let key = store::api_keys::insert(db, row).await?;
    Ok(ApiKeyCreated {
        key: to_dto(key)?,
        secret,
    })
}

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    page: PageQuery,
) -> DomainResult<Page<ApiKey>> {
    actor.ensure_admin(MANAGE_KEYS)?;
    let page = page.request::<Uuid>()?;
    let rows = store::api_keys::list(db, page.after, page.limit).await?;
    keyset(rows, |k| k.id).try_map(to_dto)
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> DomainResult<ApiKey> {
    actor.ensure_admin(MANAGE_KEYS)?;
    to_dto(
        store::api_keys::find(db, id)
            .await?
            .ok_or_else(|| DomainError::not_found("API key"))?,
    )
}

#[tracing::instrument(skip_all, fields(api_key.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: ApiKeyPatch,
    precondition: &Precondition,
    now: DateTime<Utc>,
) -> DomainResult<ApiKey> {
    actor.ensure_admin(MANAGE_KEYS)?;
    let mut errors = Vec::new();
    if patch.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        errors.push(FieldError::blank("name"));
    }
    let scopes = patch
        .scopes
        .as_deref()
        .map(|names| checked_scopes(names, &mut errors));
    check_expiry(patch.expires_at.flatten(), now, &mut errors);
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let tx = begin_write(db).await?;
    let current = store::versioned::lock::<api_keys::Entity, _>(&tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("API key"))?;
    precondition.check(current.version)?;
    if current.revoked_at.is_some() {
        return Err(DomainError::conflict(
            "the key is revoked; create a new one",
        ));
    }
    let mut model = api_keys::ActiveModel {
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(name) = patch.name {
        model.name = Set(name.trim().to_string());
    }
    if let Some(description) = patch.description {
        model.description = Set(description);
    }
    if let Some(scopes) = scopes {
        model.scopes = Set(serde_json::json!(scopes));
    }
    if let Some(expires_at) = patch.expires_at {
        model.expires_at = Set(expires_at);
    }
    ensure_written(
        store::versioned::update_if_version(&tx, id, current.version, model).await?,
        "API key",
    )?;
    let key = store::api_keys::find(&tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("API key"))?;
    tx.commit().await?;
    to_dto(key)
}

/// Revokes the key: it is refused from the next request on, on every replica. The record
/// stays, with `revoked_at`; revoking it again changes nothing.
#[tracing::instrument(skip_all, fields(api_key.id = %id))]
pub async fn revoke(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    actor.ensure_admin(MANAGE_KEYS)?;
    let tx = begin_write(db).await?;
    let current = store::versioned::lock::<api_keys::Entity, _>(&tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("API key"))?;
    precondition.check(current.version)?;
    if current.revoked_at.is_none() {
        let model = api_keys::ActiveModel {
            revoked_at: Set(Some(now)),
            version: Set(current.version + 1),
            updated_at: Set(now),
            ..Default::default()
        };
        ensure_written(
            store::versioned::update_if_version(&tx, id, current.version, model).await?,
            "API key",
        )?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_recognisable_and_only_their_hash_is_kept() {
        let secret = format!("{SECRET_PREFIX}{}", password::random_token(SECRET_CHARS));
        assert!(is_key(&secret));
        assert!(!is_key("eyJhbGciOiJIUzI1NiJ9.e30.x"));
        assert_eq!(secret.len(), 43);
        let h = hash(&secret);
        assert_eq!(h.len(), 64);
        assert_ne!(h, hash(&format!("{secret}x")));
        assert!(!h.contains(&secret[SHOWN_CHARS..]));
    }
}
