//! Customer operations: create, read, change, remove and list, with record-level access
//! and optimistic concurrency.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::customers;
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use uuid::Uuid;

use super::announce::announce_shown;
use super::convert::{profile_of, to_dto, write_profile};
use super::guard::{can_own, locked_customer};
use super::rules::{Profile, churned_at};
use super::{handoff, history, listing};
use crate::db::begin_write;
use crate::domain::token::TokenKeys;
use crate::domain::version::{Precondition, ensure_written};
use crate::domain::{consent, duplicate, greetings, schedule, user};
use crate::dto::customer::{Customer, CustomerCreate, CustomerListQuery, CustomerPatch};
use crate::dto::duplicate::{CreateOnDuplicate, CustomerCreated};
use crate::dto::page::{Page, PageQuery};
use crate::model::cadence::Trigger;
use crate::model::customer::CustomerStatus;
use crate::model::error::FieldCode;
use crate::model::error::{Conflict, DomainError, DomainResult, FieldError};
use crate::model::event::EventType;
use crate::model::role::{Actor, CustomerScope, Role};
use crate::store;

/// References the schema cannot check: the owner must be an active user who may own
/// customers (checked when it is set or changed, under a shared lock on that user so that a
/// concurrent deactivation either sees this customer or is seen by it), and the referrer a
/// customer other than this one that the actor can see: one the actor cannot see is answered
/// exactly as one that does not exist.
async fn check_references(
    tx: &DatabaseTransaction,
    actor: &Actor,
    profile: &Profile,
    current: Option<&customers::Model>,
    errors: &mut Vec<FieldError>,
) -> DomainResult<()> {
    let owner_changes = current.is_none_or(|c| c.owner_id != profile.owner_id);
    if owner_changes && !can_own(tx, profile.owner_id).await? {
        errors.push(FieldError::new(
            "owner_id",
            FieldCode::NotAllowed,
            "must be an active user who can own customers",
        ));
    }
    if let Some(referrer) = profile.referred_by_id {
        let unchanged = current.is_some_and(|c| c.referred_by_id == Some(referrer));
        if current.is_some_and(|c| c.id == referrer) {
            errors.push(FieldError::new(
                "referred_by_id",
                FieldCode::NotAllowed,
                "a customer cannot refer themselves",
            ));
        } else if !unchanged
            && store::customers::find_visible(tx, referrer, actor.customer_scope())
                .await?
                .is_none()
        {
            errors.push(FieldError::new(
                "referred_by_id",
                FieldCode::NotFound,
                "no such customer",
            ));
        }
    }
    Ok(())
}

/// The customer as the API shows it, if `scope` reaches it.
pub async fn load<C: sea_orm::ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
    now: DateTime<Utc>,
) -> DomainResult<Customer> {
    let model = store::customers::find_visible(db, id, scope)
        .await?
        .ok_or_else(|| DomainError::not_found("customer"))?;
    super::announce::one(super::listing::shown(db, vec![model], now).await?)
}

/// The row of a new customer with `profile`: nothing bought, contacted or owed yet.
pub fn new_row(id: Uuid, profile: &Profile, now: DateTime<Utc>) -> customers::ActiveModel {
    let mut model = customers::ActiveModel {
        id: Set(id),
        churned_at: Set(churned_at(profile, now)),
        last_contacted_at: Set(None),
        last_inbound_at: Set(None),
        last_outbound_at: Set(None),
        lifetime_value_minor: Set(0),
        lifetime_value_currency: Set(None),
        purchase_count: Set(0),
        last_purchase_at: Set(None),
        next_touchpoint_due_at: Set(None),
        open_complaints: Set(0),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        ..Default::default()
    };
    write_profile(&mut model, profile);
    model
}

#[tracing::instrument(skip_all, fields(customer.id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: CustomerCreate,
    on_duplicate: CreateOnDuplicate,
    now: DateTime<Utc>,
) -> DomainResult<CustomerCreated> {
    actor.ensure_can_write()?;
    if actor.role == Role::Agent && input.owner_id.is_some_and(|o| o != actor.id) {
        return Err(DomainError::Forbidden(
            "agents can only create customers they own".into(),
        ));
    }
    let consent_source = input.consent_source.clone();
    let mut profile = Profile::from_create(input, actor.id);
    profile.normalise();
    let mut errors = profile.check(now);
    errors.extend(profile.check_phone(None));

    let tx = begin_write(db).await?;
    check_references(&tx, actor, &profile, None, &mut errors).await?;
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let id = Uuid::now_v7();
    tracing::Span::current().record("customer.id", tracing::field::display(id));
    // Two creations of one person at once see each other: the second waits for the first.
    let probe = duplicate::find::identity(id, &profile);
    store::duplicates::lock_keys(&tx, &duplicate::find::keys(&probe)).await?;
    let visible = duplicate::find::candidates(&tx, &probe, actor.customer_scope()).await?;
    let possible_duplicates = duplicate::find::strong(&visible);
    if on_duplicate == CreateOnDuplicate::Reject && !possible_duplicates.is_empty() {
        return Err(DomainError::Conflict(Conflict {
            detail: "the customer may exist already: see candidates, or create it with \
                     on_duplicate=allow"
                .into(),
            allowed: None,
            candidates: Some(
                visible
                    .into_iter()
                    .filter(|c| possible_duplicates.contains(&c.other_id))
                    .collect(),
            ),
        }));
    }
    // The pairs every manager sees, among all customers (for an agent, more than it sees).
    let all = match actor.customer_scope() {
        CustomerScope::All => visible,
        _ => duplicate::find::candidates(&tx, &probe, CustomerScope::All).await?,
    };
    let mut row = new_row(id, &profile, now);
    row.duplicates_checked_at = Set(Some(now));
    store::customers::insert(&tx, row).await?;
    store::duplicates::insert_pairs(&tx, &all, now).await?;
    history::record(
        &tx,
        id,
        history::changes(None, &profile),
        Some(actor.recorded()),
        now,
    )
    .await?;
    store::customers::replace_tags(&tx, id, &profile.tags).await?;
    store::customers::replace_month_days(&tx, id, &profile.month_days()).await?;
    let consent_rows = consent::change_rows(
        id,
        None,
        &profile,
        consent_source.as_deref(),
        Some(actor.recorded()),
        now,
    );
    store::consent::insert_all(&tx, consent_rows).await?;
    if let Some(stored) = store::customers::find_visible(&tx, id, CustomerScope::All).await? {
        schedule::on_trigger(&tx, &stored, Trigger::CustomerCreated, now, id, now).await?;
    }
    let created = load(&tx, id, CustomerScope::All, now).await?;
    let actor_ref = Some(actor.recorded());
    announce_shown(&tx, actor_ref, &[EventType::CustomerCreated], &created, now).await?;
    tx.commit().await?;
    Ok(CustomerCreated {
        customer: created,
        possible_duplicates,
    })
}

/// `GET /customers`: the customers the actor can see, filtered, sorted and paged.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: CustomerListQuery,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<Customer>> {
    listing::page_of(db, actor, q, None, page, now).await
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %id))]
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Customer> {
    match load(db, id, actor.customer_scope(), now).await {
        Err(DomainError::NotFound(detail)) => {
            match store::customers::merged_into(db, id, actor.customer_scope()).await? {
                Some(into) => Err(DomainError::Merged { into }),
                None => Err(DomainError::NotFound(detail)),
            }
        }
        other => other,
    }
}

/// [`get`] for the bearer `token`, and who it authenticates: for a person's token one
/// statement reads the customer and checks the token's user together (active, token version
/// current), the round trip that `GET /customers/{id}` is made of. An API key, and every
/// answer but a found customer, take the ordinary way.
pub async fn get_for_token(
    db: &DatabaseConnection,
    keys: &TokenKeys,
    token: &str,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<(Actor, Customer)> {
    if !crate::domain::api_key::is_key(token) {
        let claims = user::verified_claims(keys, token)?;
        if let Some(read) =
            store::customers::find_for_token(db, claims.sub, claims.ver, id, now).await?
        {
            let actor = user::stored_actor(claims.sub, read.caller_role.as_deref())?;
            if !actor.customer_scope().reaches(read.model.owner_id) {
                return Err(DomainError::not_found("customer"));
            }
            return Ok((actor, to_dto(read.model, read.tags, read.overdue)?));
        }
    }
    let actor = user::actor_for_token(db, keys, token, now).await?;
    let customer = get(db, &actor, id, now).await?;
    Ok((actor, customer))
}

#[tracing::instrument(skip_all, fields(customer.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: CustomerPatch,
    now: DateTime<Utc>,
) -> DomainResult<Customer> {
    let tx = begin_write(db).await?;
    let current = locked_customer(&tx, actor, id).await?;
    actor.ensure_can_write()?;
    let change = plan_change(&tx, actor, &current, patch, now).await?;
    // Checked after the body, so an invalid change is reported as such whatever its version.
    precondition.check(current.version)?;
    // Nothing that does not change moves the version.
    let kinds = write_change(&tx, actor, &current, change, now).await?;
    let updated = load(&tx, id, CustomerScope::All, now).await?;
    announce_shown(&tx, Some(actor.recorded()), &kinds, &updated, now).await?;
    tx.commit().await?;
    Ok(updated)
}

/// A checked change of a customer's profile: the profile before and after it.
pub struct ProfileChange {
    pub before: Profile,
    pub after: Profile,
    /// Where a change of consent was expressed, for its history.
    pub consent_source: Option<String>,
}

/// Applies `patch` to the (locked) customer's profile and checks the result whole, without
/// writing anything.
pub async fn plan_change(
    tx: &DatabaseTransaction,
    actor: &Actor,
    current: &customers::Model,
    patch: CustomerPatch,
    now: DateTime<Utc>,
) -> DomainResult<ProfileChange> {
    if patch.owner_id.is_some_and(|o| o != current.owner_id) {
        actor.ensure_manager("reassign customers")?;
    }
    let tags = store::customers::tags_of(tx, &[current.id])
        .await?
        .remove(&current.id)
        .unwrap_or_default();
    let before = profile_of(current, tags)?;
    let mut after = before.clone();
    let consent_source = patch.consent_source.clone();
    after.apply(patch);
    check_profile(tx, actor, current, before, after, consent_source, now).await
}

/// Checks the (locked) customer's profile as it would be after a change, whole, without
/// writing anything.
pub async fn check_profile(
    tx: &DatabaseTransaction,
    actor: &Actor,
    current: &customers::Model,
    before: Profile,
    mut after: Profile,
    consent_source: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<ProfileChange> {
    after.normalise();
    let mut errors = after.check(now);
    errors.extend(after.check_phone(Some(&before)));
    check_references(tx, actor, &after, Some(current), &mut errors).await?;
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    Ok(ProfileChange {
        before,
        after,
        consent_source,
    })
}

/// Writes a planned change: the row, its history, a hand-off, tags, dates and the new tier's
/// cadence. Nothing is written when nothing changes. Returns the events the change is
/// (none when nothing changed), for the caller to announce with the customer as it now is.
pub async fn write_change(
    tx: &DatabaseTransaction,
    actor: &Actor,
    current: &customers::Model,
    change: ProfileChange,
    now: DateTime<Utc>,
) -> DomainResult<Vec<EventType>> {
    let ProfileChange {
        before,
        after: profile,
        consent_source,
    } = change;
    if profile == before {
        return Ok(Vec::new());
    }
    let mut kinds = vec![EventType::CustomerUpdated];
    if profile.owner_id != before.owner_id {
        kinds.push(EventType::CustomerOwnerChanged);
    }
    if profile.tier != before.tier {
        kinds.push(EventType::CustomerTierChanged);
    }
    if profile.status == CustomerStatus::Churned && before.status != CustomerStatus::Churned {
        kinds.push(EventType::CustomerChurned);
    }
    let id = current.id;
    let mut model = customers::ActiveModel {
        churned_at: Set(churned_at(&profile, now)),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    write_profile(&mut model, &profile);
    if !profile.same_identity(&before) {
        // What duplicates are recognised by changed: they are looked for again.
        model.duplicates_checked_at = Set(None);
    }
    ensure_written(
        store::versioned::update_if_version(tx, id, current.version, model).await?,
        "customer",
    )?;
    history::record(
        tx,
        id,
        history::changes(Some(&before), &profile),
        Some(actor.recorded()),
        now,
    )
    .await?;
    if profile.owner_id != before.owner_id {
        handoff::record_handoff(
            tx,
            id,
            before.owner_id,
            profile.owner_id,
            actor.recorded(),
            None,
            now,
        )
        .await?;
    }
    if profile.tags != before.tags {
        store::customers::replace_tags(tx, id, &profile.tags).await?;
    }
    if profile.important_dates != before.important_dates {
        store::customers::replace_month_days(tx, id, &profile.month_days()).await?;
    }
    if profile.status == CustomerStatus::Churned && before.status != CustomerStatus::Churned {
        schedule::on_churn(tx, id, now).await?;
    }
    if profile.consent != before.consent || profile.do_not_contact != before.do_not_contact {
        consent::on_change(
            tx,
            current,
            &before,
            &profile,
            consent_source.as_deref(),
            Some(actor.recorded()),
            now,
        )
        .await?;
    }
    if (profile.timezone != before.timezone || profile.contact_window != before.contact_window)
        && let Some(stored) = store::customers::find_visible(tx, id, CustomerScope::All).await?
    {
        schedule::on_reach_change(tx, current, &stored, now).await?;
    }
    // After the move: greetings planned again are placed for the new reach already.
    if profile.important_dates != before.important_dates || profile.birthday != before.birthday {
        greetings::replan(tx, id, now).await?;
    }
    if profile.tier != before.tier
        && let Some(stored) = store::customers::find_visible(tx, id, CustomerScope::All).await?
    {
        schedule::on_tier_change(tx, &stored, before.tier.as_str(), now).await?;
    }
    Ok(kinds)
}

/// Whether a change reaches beyond what many customers' changes can share (their fields,
/// tags, history and a new tier's cadence): a new owner (a hand-off), reach (timezone,
/// contact window), dates (greetings), consent, or a churn. [`write_change`] carries those
/// out one customer at a time; [`write_plain_changes`] writes the others many at once.
pub fn reaches_beyond(change: &ProfileChange) -> bool {
    let (before, after) = (&change.before, &change.after);
    after.owner_id != before.owner_id
        || (after.status == CustomerStatus::Churned && before.status != CustomerStatus::Churned)
        || after.consent != before.consent
        || after.do_not_contact != before.do_not_contact
        || after.timezone != before.timezone
        || after.contact_window != before.contact_window
        || after.important_dates != before.important_dates
        || after.birthday != before.birthday
}

/// Writes changes of (locked) customers that do not [reach beyond](reaches_beyond) their
/// records, as [`write_change`] would one by one, in a few statements for all: the rows, their
/// history, their tags, a new tier's cadence, and their events (`customer.updated`, and
/// `customer.tier_changed` for a new tier). Returns how many were written.
pub async fn write_plain_changes(
    tx: &DatabaseTransaction,
    actor: &Actor,
    changes: Vec<(customers::Model, ProfileChange)>,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    use sea_orm::ActiveModelTrait;
    let changes: Vec<_> = changes
        .into_iter()
        .filter(|(_, c)| c.after != c.before && !reaches_beyond(c))
        .collect();
    if changes.is_empty() {
        return Ok(0);
    }
    let (mut rows, mut history, mut retagged, mut tags) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (current, change) in &changes {
        let mut model = customers::ActiveModel::from(current.clone()).reset_all();
        write_profile(&mut model, &change.after);
        model.churned_at = Set(churned_at(&change.after, now));
        model.version = Set(current.version + 1);
        model.updated_at = Set(now);
        if !change.after.same_identity(&change.before) {
            model.duplicates_checked_at = Set(None);
        }
        rows.push(model);
        history.extend(history::rows(
            current.id,
            history::changes(Some(&change.before), &change.after),
            Some(actor.recorded()),
            now,
        ));
        if change.after.tags != change.before.tags {
            retagged.push(current.id);
            tags.extend(
                change
                    .after
                    .tags
                    .iter()
                    .map(|tag| (current.id, tag.clone())),
            );
        }
    }
    let written = rows.len() as u64;
    store::customer_import::rewrite(tx, rows, history, &retagged, tags).await?;
    let old_tiers: HashMap<Uuid, &str> = changes
        .iter()
        .filter(|(_, c)| c.after.tier != c.before.tier)
        .map(|(current, c)| (current.id, c.before.tier.as_str()))
        .collect();
    if !old_tiers.is_empty() {
        let retiered: Vec<Uuid> = old_tiers.keys().copied().collect();
        let retiered: Vec<(customers::Model, String)> =
            store::customers::many_visible(tx, &retiered, CustomerScope::All)
                .await?
                .into_iter()
                .map(|m| {
                    let old = old_tiers
                        .get(&m.id)
                        .copied()
                        .unwrap_or_default()
                        .to_string();
                    (m, old)
                })
                .collect();
        schedule::on_tier_changes(tx, &retiered, now).await?;
    }
    let ids: Vec<Uuid> = changes.iter().map(|(c, _)| c.id).collect();
    let stored = store::customers::many_visible(tx, &ids, CustomerScope::All).await?;
    let shown = listing::shown(tx, stored, now).await?;
    let updated = shown
        .iter()
        .flat_map(|c| {
            let retiered = old_tiers.contains_key(&c.id);
            [EventType::CustomerUpdated, EventType::CustomerTierChanged]
                .into_iter()
                .take(if retiered { 2 } else { 1 })
                .map(move |kind| crate::domain::feed::Change {
                    kind,
                    subject_id: c.id,
                    customer_id: c.id,
                    data: c,
                })
        })
        .collect();
    crate::domain::feed::emit_all(tx, Some(actor.recorded()), updated, now).await?;
    Ok(written)
}

/// Soft delete: the row stays for history and reports, and disappears from the API.
#[tracing::instrument(skip_all, fields(customer.id = %id))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let tx = begin_write(db).await?;
    let current = locked_customer(&tx, actor, id).await?;
    actor.ensure_can_write()?;
    precondition.check(current.version)?;
    let before = load(&tx, id, CustomerScope::All, now).await?;
    let model = customers::ActiveModel {
        deleted_at: Set(Some(now)),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::versioned::update_if_version(&tx, id, current.version, model).await?,
        "customer",
    )?;
    let actor_ref = Some(actor.recorded());
    announce_shown(&tx, actor_ref, &[EventType::CustomerDeleted], &before, now).await?;
    tx.commit().await?;
    Ok(())
}
