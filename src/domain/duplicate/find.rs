//! The matcher: the candidates of a customer, scored by `model::duplicate::compare` over the
//! customers the store narrows the field to, without the pairs someone dismissed; and the
//! stored pairs kept current.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::domain::customer::contact;
use crate::domain::customer::rules::Profile;
use crate::model::duplicate::{Candidate, Identity, STRONG, compare};
use crate::model::error::DomainResult;
use crate::model::role::CustomerScope;
use crate::store;

/// What `profile` (of customer `id`, stored or not yet) is compared by.
pub fn identity(id: Uuid, profile: &Profile) -> Identity {
    Identity {
        id,
        name: profile.name.trim().to_string(),
        email: profile.email.clone(),
        phone_e164: profile.phone_e164(),
        company_key: profile.company.as_deref().and_then(contact::text_key),
        city_key: profile.city.as_deref().and_then(contact::text_key),
    }
}

/// The keys whose creations must not pass each other unseen (see `store::duplicates::lock_keys`).
pub fn keys(identity: &Identity) -> Vec<String> {
    [
        identity.email.as_ref().map(|e| format!("email:{e}")),
        identity.phone_e164.as_ref().map(|p| format!("phone:{p}")),
        identity
            .company_key
            .as_ref()
            .map(|c| format!("company:{c}")),
        identity.city_key.as_ref().map(|c| format!("city:{c}")),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The customers of `scope` that may be the person `probe` is, most likely first; pairs
/// dismissed as "not a duplicate" are left out.
pub async fn candidates<C: ConnectionTrait>(
    db: &C,
    probe: &Identity,
    scope: CustomerScope,
) -> DomainResult<Vec<Candidate>> {
    let near = store::duplicates::near(db, probe, scope).await?;
    if near.is_empty() {
        return Ok(Vec::new());
    }
    let dismissed = store::duplicates::dismissed_with(db, probe.id).await?;
    let mut found: Vec<Candidate> = near
        .iter()
        .filter(|other| !dismissed.contains(&other.id))
        .filter_map(|other| compare(probe, other))
        .collect();
    found.sort_by(|a, b| b.score.cmp(&a.score).then(a.other_id.cmp(&b.other_id)));
    Ok(found)
}

/// Looks for the candidates of customer `probe` among every live customer and stores them
/// as its pairs.
pub async fn refresh<C: ConnectionTrait>(
    db: &C,
    probe: &Identity,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let found = candidates(db, probe, CustomerScope::All).await?;
    Ok(store::duplicates::replace_pairs(db, probe.id, &found, now).await?)
}

/// The customers written since their candidates were last looked for, at most `limit`:
/// looked for again. Returns how many.
pub async fn refresh_unchecked<C: ConnectionTrait>(
    db: &C,
    limit: u64,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let due = store::duplicates::unchecked(db, limit).await?;
    for probe in &due {
        refresh(db, probe, now).await?;
    }
    Ok(due.len() as u64)
}

/// The strong candidates among `found`: those a new customer is warned of or refused for.
pub fn strong(found: &[Candidate]) -> Vec<Uuid> {
    found
        .iter()
        .filter(|c| c.score >= STRONG)
        .map(|c| c.other_id)
        .collect()
}
