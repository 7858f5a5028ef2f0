//! Users: signing in, the bootstrap admin, and the admin's user management.

use chrono::{DateTime, Utc};
use entity::users;
use sea_orm::{DatabaseConnection, Set};
use uuid::Uuid;

use crate::config::BootstrapAdmin;
use crate::db::begin_write;
use crate::domain::complaint;
use crate::domain::customer::{guard, handoff};
use crate::domain::login;
use crate::domain::page::keyset;
use crate::domain::password;
use crate::domain::token::{Claims, TokenKeys};
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::auth::TokenResponse;
use crate::dto::page::{Page, PageQuery};
use crate::dto::user::{User, UserCreate, UserListQuery, UserPatch};
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, is_unique_violation};
use crate::model::role::{Actor, Role};
use crate::store;

const EMAIL_TAKEN: &str = "a user with this email already exists";

pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Exchanges email and password for an access token, throttling repeated failures of the
/// email from `source` (the caller's address).
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    db: &DatabaseConnection,
    keys: &TokenKeys,
    email: &str,
    password_text: &str,
    source: &str,
    now: DateTime<Utc>,
) -> DomainResult<(TokenResponse, Uuid)> {
    let email = normalise_email(email);
    let attempt = login::Attempt {
        email: email.clone(),
        source: source.to_string(),
    };
    let user = store::users::find_by_email(db, &email).await?;
    start_check(db, &attempt, now).await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let active = user.as_ref().is_some_and(|u| u.active);
    let candidate = password_text.to_string();
    // The check is counted back even when the caller goes away in the middle of it, so that
    // its place is free for the next one at once.
    let (verified, throttle) = tokio::spawn({
        let (db, attempt) = (db.clone(), attempt.clone());
        async move {
            let verified = password::on_password_threads(move || {
                password::verify(&candidate, hash.as_deref())
            })
            .await;
            let right = active && verified.as_ref().is_ok_and(|ok| *ok);
            (verified, end_check(&db, &attempt, right, now).await)
        }
    })
    .await
    .map_err(DomainError::internal)?;
    let right = active && verified.map_err(DomainError::internal)?;
    let throttle = throttle?;
    match user {
        Some(user) if right => {
            let access_token = keys
                .issue(user.id, user.token_version, now)
                .map_err(DomainError::internal)?;
            let token = TokenResponse {
                access_token,
                token_type: "Bearer".into(),
                expires_in: keys.ttl_secs,
            };
            Ok((token, user.id))
        }
        _ => {
            tokio::time::sleep(login::failure_delay(throttle.failures)).await;
            Err(DomainError::Unauthenticated(
                "email or password is wrong".into(),
            ))
        }
    }
}

/// How long an attempt waits for one of the checks under way to end before it is refused.
const CHECK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);
const CHECK_POLL: std::time::Duration = std::time::Duration::from_millis(20);

/// Counts a password check of this attempt as under way, with the email's row locked so that
/// attempts sent all at once are admitted one by one; one that must wait for a place polls
/// (the places are counted in the database, so this holds across replicas).
async fn start_check(
    db: &DatabaseConnection,
    attempt: &login::Attempt,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let deadline = tokio::time::Instant::now() + CHECK_WAIT;
    loop {
        let tx = begin_write(db).await?;
        let current = store::login::lock(&tx, attempt, now).await?;
        let retry_after_secs = match login::admit(current, now) {
            login::Admission::Check(next) => {
                store::login::put(&tx, attempt, next).await?;
                tx.commit().await?;
                return Ok(());
            }
            login::Admission::Refused(secs) => Some(secs),
            login::Admission::Wait => None,
        };
        // Release the row at once rather than when the connection goes back to the pool:
        // the next attempt for this email waits on it.
        tx.rollback().await?;
        match retry_after_secs {
            Some(retry_after_secs) => {
                return Err(DomainError::Throttled {
                    detail: login::THROTTLED.into(),
                    retry_after_secs,
                });
            }
            None if tokio::time::Instant::now() >= deadline => {
                return Err(DomainError::Throttled {
                    detail: login::BUSY.into(),
                    retry_after_secs: 1,
                });
            }
            None => tokio::time::sleep(CHECK_POLL).await,
        }
    }
}

/// Counts the check back: a wrong password as a failure, a right one clearing the failures.
async fn end_check(
    db: &DatabaseConnection,
    attempt: &login::Attempt,
    right: bool,
    now: DateTime<Utc>,
) -> DomainResult<login::Throttle> {
    let tx = begin_write(db).await?;
    let current = store::login::lock(&tx, attempt, now).await?;
    let next = login::after_check(current, right, now);
    if next.is_clear(now) {
        store::login::clear(&tx, attempt).await?;
    } else {
        store::login::put(&tx, attempt, next).await?;
    }
    tx.commit().await?;
    Ok(next)
}

/// The actor a bearer token stands for: a valid token of a user who is still active and whose
/// token version it names, so a deactivated user, or one whose password changed, loses access
/// at once (on every replica, since the check reads the user) rather than when it expires.
#[tracing::instrument(skip_all)]
pub async fn actor_for_token(
    db: &DatabaseConnection,
    keys: &TokenKeys,
    token: &str,
    now: DateTime<Utc>,
) -> DomainResult<Actor> {
    // An integration's key, not a person's access token.
    if crate::domain::api_key::is_key(token) {
        return crate::domain::api_key::authenticate(db, token, now).await;
    }
    let claims = verified_claims(keys, token)?;
    let user = store::users::find(db, claims.sub)
        .await?
        .filter(|u| u.active && u.token_version == claims.ver);
    stored_actor(claims.sub, user.map(|u| u.role).as_deref())
}

/// The claims of a person's access token that is signed by us and not expired; whether its
/// user still accepts it is [`stored_actor`]'s question.
pub fn verified_claims(keys: &TokenKeys, token: &str) -> DomainResult<Claims> {
    keys.verify(token)
        .map_err(|_| DomainError::Unauthenticated("the token is invalid or expired".into()))
}

/// The actor of a token's user `id`, given the role stored for it when the user is active
/// and the token's version is current (`None` when not).
pub fn stored_actor(id: Uuid, role: Option<&str>) -> DomainResult<Actor> {
    let role = role.ok_or_else(|| {
        DomainError::Unauthenticated(
            "the token's user is unknown or inactive, or the token was revoked".into(),
        )
    })?;
    Ok(Actor::user(id, Role::from_stored(role)?))
}

/// Creates the first admin when the database has no user. Returns the generated password
/// when none was configured, so the caller can print it once.
#[tracing::instrument(skip_all)]
pub async fn ensure_bootstrap_admin(
    db: &DatabaseConnection,
    configured: Option<&BootstrapAdmin>,
    now: DateTime<Utc>,
) -> DomainResult<Option<(String, String)>> {
    if store::users::count(db).await? > 0 {
        return Ok(None);
    }
    let (email, secret, generated) = match configured {
        Some(admin) => (
            normalise_email(&admin.email),
            admin.password.expose().to_string(),
            false,
        ),
        None => (
            "admin@localhost".to_string(),
            password::random_token(20),
            true,
        ),
    };
    let hash = password::hash(&secret).map_err(DomainError::internal)?;
    let model = users::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.clone()),
        name: Set("Administrator".into()),
        role: Set(Role::Admin.as_str().into()),
        active: Set(true),
        password_hash: Set(hash),
        version: Set(1),
        token_version: Set(0),
        timezone: Set("UTC".into()),
        created_at: Set(now),
        updated_at: Set(now),
    };
    match store::users::insert(db, model).await {
        Ok(_) => Ok(generated.then_some((email, secret))),
        // Another replica created it first.
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

const MANAGE_USERS: &str = "manage users";

/// An IANA timezone name, as stored.
fn checked_timezone(name: &str) -> DomainResult<String> {
    name.parse::<chrono_tz::Tz>()
        .map(|tz| tz.name().to_string())
        .map_err(|_| {
            DomainError::invalid(
                "timezone",
                FieldCode::InvalidFormat,
                "must be an IANA timezone name such as Europe/Berlin",
            )
        })
}

/// The caller's own user record.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn me(db: &DatabaseConnection, actor: &Actor) -> DomainResult<User> {
    find(db, actor.id).await
}

#[tracing::instrument(skip_all, fields(user.id = %id))]
pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> DomainResult<User> {
    actor.ensure_admin(MANAGE_USERS)?;
    find(db, id).await
}

async fn find(db: &DatabaseConnection, id: Uuid) -> DomainResult<User> {
    store::users::find(db, id)
        .await?
        .ok_or_else(|| DomainError::not_found("user"))?
        .try_into()
}

#[tracing::instrument(skip_all)]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: UserListQuery,
    page: PageQuery,
) -> DomainResult<Page<User>> {
    actor.ensure_admin(MANAGE_USERS)?;
    let page = page.request::<Uuid>()?;
    let rows = store::users::list(
        db,
        q.role.map(Role::as_str),
        q.active,
        page.after,
        page.limit,
    )
    .await?;
    keyset(rows, |u| u.id).try_map(User::try_from)
}

async fn hash_blocking(secret: String) -> DomainResult<String> {
    password::on_password_threads(move || password::hash(&secret))
        .await
        .map_err(DomainError::internal)?
        .map_err(DomainError::internal)
}

#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: UserCreate,
    now: DateTime<Utc>,
) -> DomainResult<User> {
    actor.ensure_admin(MANAGE_USERS)?;
    if input.name.trim().is_empty() {
        return Err(DomainError::invalid(
            "name",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let timezone = checked_timezone(input.timezone.as_deref().unwrap_or("UTC"))?;
    let hash = hash_blocking(input.password).await?;
    let model = users::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(normalise_email(&input.email)),
        name: Set(input.name.trim().to_string()),
        role: Set(input.role.as_str().into()),
        active: Set(input.active.unwrap_or(true)),
        password_hash: Set(hash),
        version: Set(1),
        token_version: Set(0),
        timezone: Set(timezone),
        created_at: Set(now),
        updated_at: Set(now),
    };
    store::users::insert(db, model)
        .await
        .map_err(DomainError::unique(EMAIL_TAKEN))?
        .try_into()
}

/// Changes a user. Deactivation is refused while the user still owns customers (they would
/// be left without an owner), and the last active admin cannot be demoted or deactivated.
#[tracing::instrument(skip_all, fields(user.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: UserPatch,
    now: DateTime<Utc>,
) -> DomainResult<User> {
    actor.ensure_admin(MANAGE_USERS)?;
    if patch.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(DomainError::invalid(
            "name",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let timezone = patch
        .timezone
        .as_deref()
        .map(checked_timezone)
        .transpose()?;
    let password_hash = match patch.password {
        Some(p) => Some(hash_blocking(p).await?),
        None => None,
    };
    let tx = begin_write(db).await?;
    // Locks before reads (see `store`, "Check-then-write"): all active admins first, in id
    // order, when the role or the active flag may change (the last-admin rule counts them),
    // then the user, whom concurrent assignments share-lock (deactivation counts their
    // customers).
    let admins = if patch.role.is_some() || patch.active.is_some() {
        store::users::lock_active_admins(&tx).await?
    } else {
        Vec::new()
    };
    let current = store::users::lock(&tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("user"))?;
    precondition.check(current.version)?;

    let was_admin = current.role == Role::Admin.as_str() && current.active;
    let role = patch
        .role
        .map(Role::as_str)
        .unwrap_or(current.role.as_str())
        .to_string();
    let active = patch.active.unwrap_or(current.active);
    // No admin locks themselves out: stepping down is done by another admin, who can also
    // undo it.
    if id == actor.id && (role != Role::Admin.as_str() || !active) {
        return Err(DomainError::conflict(
            "admins cannot demote or deactivate themselves; another admin must",
        ));
    }
    if was_admin
        && (role != Role::Admin.as_str() || !active)
        && admins.iter().all(|admin| *admin == id)
    {
        return Err(DomainError::conflict(
            "the last active admin cannot be demoted or deactivated",
        ));
    }
    if let Some(target) = patch.reassign_to {
        if active {
            return Err(DomainError::invalid(
                "reassign_to",
                FieldCode::NotAllowed,
                "only applies when deactivating (\"active\": false)",
            ));
        }
        if target == id || !guard::can_own(&tx, target).await? {
            return Err(DomainError::invalid(
                "reassign_to",
                FieldCode::NotAllowed,
                "must be another active user who can own customers",
            ));
        }
        handoff::hand_over_all(&tx, id, target, actor.recorded(), now).await?;
        // Complaints escalated to this user belong to other owners' customers.
        complaint::handover::hand_over(&tx, None, id, target, actor.recorded(), now).await?;
    }
    if current.active && !active {
        let owned = store::customers::count_owned_by(&tx, id).await?;
        if owned > 0 {
            return Err(DomainError::conflict(format!(
                "the user still owns {owned} customer(s); hand them over first or give reassign_to"
            )));
        }
        let held = complaint::handover::open_held(&tx, id).await?;
        if held > 0 {
            return Err(DomainError::conflict(format!(
                "the user still holds {held} complaint(s) not closed; reassign them first or give reassign_to"
            )));
        }
    }
    if role == Role::Viewer.as_str() && store::customers::count_owned_by(&tx, id).await? > 0 {
        return Err(DomainError::conflict(
            "a viewer cannot own customers; hand this user's customers over first",
        ));
    }

    let version = current.version + 1;
    // A new password or a deactivation revokes every token issued before it.
    let revokes = password_hash.is_some() || (current.active && !active);
    let model = users::ActiveModel {
        email: patch
            .email
            .map(|e| Set(normalise_email(&e)))
            .unwrap_or_default(),
        name: patch
            .name
            .map(|n| Set(n.trim().to_string()))
            .unwrap_or_default(),
        role: Set(role),
        active: Set(active),
        password_hash: password_hash.map(Set).unwrap_or_default(),
        timezone: timezone.map(Set).unwrap_or_default(),
        version: Set(version),
        token_version: if revokes {
            Set(current.token_version + 1)
        } else {
            Default::default()
        },
        updated_at: Set(now),
        ..Default::default()
    };
    let written = store::versioned::update_if_version(&tx, id, current.version, model)
        .await
        .map_err(DomainError::unique(EMAIL_TAKEN))?;
    ensure_written(written, "user")?;
    let updated = store::users::find(&tx, id)
        .await?
        .ok_or_else(|| DomainError::not_found("user"))?;
    tx.commit().await?;
    updated.try_into()
}
