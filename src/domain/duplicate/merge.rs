//! `POST /customers/{id}/merge`: customer `from` becomes part of customer `id`. One
//! transaction: both customers locked in id order and checked against the versions the caller
//! decided on, the profile merged field by field, every linked record moved through the
//! registry of customer records (derived figures recomputed), the open series of one playbook
//! collapsed into one, the open work of the merged customer's owner handed to the survivor's,
//! and `from` left as a pointer (`merged_into`) that is never listed again. Not undoable:
//! the records moved cannot be told apart afterwards.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DatabaseTransaction};
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::customer::announce::announce_shown;
use crate::domain::customer::convert::profile_of;
use crate::domain::customer::history::{self, Change as HistoryChange};
use crate::domain::customer::ops::{check_profile, load, write_change};
use crate::domain::customer::records;
use crate::domain::customer::rules::Profile;
use crate::domain::feed::{self, Change};
use crate::domain::greetings;
use crate::domain::touchpoint::row::announce;
use crate::domain::version::Precondition;
use crate::dto::duplicate::{Merge, MergeRequest, MergeSource};
use crate::model::consent::ConsentState;
use crate::model::duplicate::ordered;
use crate::model::error::{DomainError, DomainResult, FieldCode, FieldError};
use crate::model::event::EventType;
use crate::model::role::{Actor, CustomerScope};
use crate::model::touchpoint::Status;
use crate::store;

/// Why a series occurrence was cancelled by a merge.
pub const COLLAPSED: &str = "customers merged";

/// The profile fields `fields` may choose between. `status` brings `churn_reason` and
/// `churned_at` with it; tags, attributes, important dates and consent are united.
pub const FIELDS: &[&str] = &[
    "name",
    "company",
    "gender",
    "birthday",
    "email",
    "phone",
    "industry",
    "occupation",
    "position",
    "city",
    "country",
    "timezone",
    "preferred_channel",
    "contact_window",
    "source_channel",
    "referred_by_id",
    "tier",
    "lifecycle_stage",
    "sales_stage",
    "status",
    "owner_id",
    "needs",
    "pain_points",
    "preferences",
    "personality",
    "notes",
];

/// The choices of a request, checked: every key a field of [`FIELDS`].
fn choices(
    fields: Option<BTreeMap<String, MergeSource>>,
) -> DomainResult<HashMap<String, MergeSource>> {
    let fields = fields.unwrap_or_default();
    let errors: Vec<FieldError> = fields
        .keys()
        .filter(|k| !FIELDS.contains(&k.as_str()))
        .map(|k| {
            FieldError::new(
                format!("fields.{k}"),
                FieldCode::UnknownField,
                format!(
                    "is not a field a merge chooses; one of {}",
                    FIELDS.join(", ")
                ),
            )
        })
        .collect();
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    Ok(fields.into_iter().collect())
}

fn optional<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>, choice: Option<MergeSource>) {
    match choice {
        Some(MergeSource::From) => *mine = theirs.clone(),
        Some(MergeSource::Survivor) => {}
        None if mine.is_none() => *mine = theirs.clone(),
        None => {}
    }
}

fn required<T: Clone>(mine: &mut T, theirs: &T, choice: Option<MergeSource>) {
    if choice == Some(MergeSource::From) {
        *mine = theirs.clone();
    }
}

/// The survivor's profile with the other's merged in, as `choices` says.
pub fn merged_profile(
    survivor: &Profile,
    other: &Profile,
    choices: &HashMap<String, MergeSource>,
) -> Profile {
    let c = |name: &str| choices.get(name).copied();
    let mut p = survivor.clone();
    required(&mut p.name, &other.name, c("name"));
    optional(&mut p.company, &other.company, c("company"));
    optional(&mut p.gender, &other.gender, c("gender"));
    optional(&mut p.birthday, &other.birthday, c("birthday"));
    optional(&mut p.email, &other.email, c("email"));
    optional(&mut p.phone, &other.phone, c("phone"));
    optional(&mut p.industry, &other.industry, c("industry"));
    optional(&mut p.occupation, &other.occupation, c("occupation"));
    optional(&mut p.position, &other.position, c("position"));
    optional(&mut p.city, &other.city, c("city"));
    optional(&mut p.country, &other.country, c("country"));
    required(&mut p.timezone, &other.timezone, c("timezone"));
    optional(
        &mut p.preferred_channel,
        &other.preferred_channel,
        c("preferred_channel"),
    );
    optional(
        &mut p.contact_window,
        &other.contact_window,
        c("contact_window"),
    );
    optional(
        &mut p.source_channel,
        &other.source_channel,
        c("source_channel"),
    );
    optional(
        &mut p.referred_by_id,
        &other.referred_by_id,
        c("referred_by_id"),
    );
    required(&mut p.tier, &other.tier, c("tier"));
    required(
        &mut p.lifecycle_stage,
        &other.lifecycle_stage,
        c("lifecycle_stage"),
    );
    required(&mut p.sales_stage, &other.sales_stage, c("sales_stage"));
    if c("status") == Some(MergeSource::From) {
        p.status = other.status;
        p.churn_reason = other.churn_reason.clone();
        p.churned_at = other.churned_at;
    }
    required(&mut p.owner_id, &other.owner_id, c("owner_id"));
    optional(&mut p.needs, &other.needs, c("needs"));
    optional(&mut p.pain_points, &other.pain_points, c("pain_points"));
    optional(&mut p.preferences, &other.preferences, c("preferences"));
    optional(&mut p.personality, &other.personality, c("personality"));
    optional(&mut p.notes, &other.notes, c("notes"));

    for tag in &other.tags {
        if !p.tags.contains(tag) {
            p.tags.push(tag.clone());
        }
    }
    for (key, value) in &other.attributes {
        p.attributes
            .entry(key.clone())
            .or_insert_with(|| value.clone());
    }
    for date in &other.important_dates {
        if !p.important_dates.contains(date) {
            p.important_dates.push(date.clone());
        }
    }
    // The stricter answer of the two: a refusal stands over a grant, a grant over silence.
    for (channel, theirs) in &other.consent.0 {
        let mine = p.consent.state(*channel);
        let stricter = match (mine, *theirs) {
            (ConsentState::Refused, _) | (_, ConsentState::Refused) => ConsentState::Refused,
            (ConsentState::Granted, _) | (_, ConsentState::Granted) => ConsentState::Granted,
            _ => ConsentState::Unknown,
        };
        if stricter != ConsentState::Unknown {
            p.consent.0.insert(*channel, stricter);
        }
    }
    p.do_not_contact = survivor.do_not_contact || other.do_not_contact;
    p
}

#[tracing::instrument(skip_all, fields(customer.id = %id, from = %input.from))]
pub async fn merge(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    input: MergeRequest,
    now: DateTime<Utc>,
) -> DomainResult<Merge> {
    actor.ensure_can_write()?;
    if *precondition == Precondition::None {
        return Err(DomainError::PreconditionRequired(
            "a merge must name the survivor's version in If-Match".into(),
        ));
    }
    if input.from == id {
        return Err(DomainError::invalid(
            "from",
            FieldCode::NotAllowed,
            "a customer cannot be merged into itself",
        ));
    }
    let choices = choices(input.fields)?;
    let from = input.from;
    let scope = actor.customer_scope();

    let tx = begin_write(db).await?;
    let (first, second) = ordered(id, from);
    let mut locked = HashMap::new();
    for each in [first, second] {
        if let Some(row) = store::customers::lock_visible(&tx, each, scope).await? {
            locked.insert(each, row);
        }
    }
    let Some(survivor) = locked.remove(&id) else {
        return Err(match store::customers::merged_into(&tx, id, scope).await? {
            Some(into) => DomainError::Merged { into },
            None => DomainError::not_found("customer"),
        });
    };
    let other = locked
        .remove(&from)
        .ok_or_else(|| DomainError::Validation(vec![FieldError::no_such("from", "customer")]))?;
    precondition.check(survivor.version)?;
    if other.version != input.from_version {
        return Err(DomainError::StalePrecondition(format!(
            "the customer to merge has changed (current version {}); fetch it again and retry",
            other.version
        )));
    }

    let mut tags = store::customers::tags_of(&tx, &[id, from]).await?;
    let before = profile_of(&survivor, tags.remove(&id).unwrap_or_default())?;
    let theirs = profile_of(&other, tags.remove(&from).unwrap_or_default())?;
    let mut after = merged_profile(&before, &theirs, &choices);
    // Neither refers to the other once they are one.
    if after.referred_by_id.is_some_and(|r| r == id || r == from) {
        after.referred_by_id = None;
    }
    if after.owner_id != before.owner_id {
        actor.ensure_manager("reassign customers")?;
    }
    let change = check_profile(
        &tx,
        actor,
        &survivor,
        before,
        after,
        Some("merge".into()),
        now,
    )
    .await
    .map_err(|e| match e {
        // The merged profile is the caller's choice: its problems are named as fields.
        DomainError::Validation(errors) => DomainError::Validation(
            errors
                .into_iter()
                .map(|e| FieldError::new(format!("fields.{}", e.field), e.code, e.message))
                .collect(),
        ),
        other => other,
    })?;
    let owner = change.after.owner_id;

    let moved = records::move_all(&tx, from, id).await?;
    if other.owner_id != owner {
        records::hand_off(&tx, id, other.owner_id, owner, actor.recorded(), now).await?;
    }
    let collapsed = collapse_series(&tx, id, now).await?;
    let by = Some(actor.recorded());
    announce(&tx, by, &collapsed, now).await?;
    let kinds = write_change(&tx, actor, &survivor, change, now).await?;
    if kinds.is_empty() {
        store::customers::touch(&tx, id, now).await?;
    }
    store::customers::mark_merged(&tx, from, id, now).await?;
    store::duplicates::recheck(&tx, &[id]).await?;
    history::record(
        &tx,
        id,
        vec![HistoryChange {
            field: "merged_from",
            from: None,
            to: Some(from.to_string()),
            reason: None,
            at: None,
        }],
        by,
        now,
    )
    .await?;
    // The survivor's dates may have come from the other: its greetings are planned afresh.
    greetings::replan(&tx, id, now).await?;

    let customer = load(&tx, id, CustomerScope::All, now).await?;
    announce_shown(&tx, by, &kinds, &customer, now).await?;
    let merge = Merge {
        customer,
        merged_from: from,
        moved: moved
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(table, n)| (table.to_string(), n))
            .collect(),
    };
    let change = Change {
        kind: EventType::CustomerMerged,
        subject_id: from,
        customer_id: id,
        data: &merge,
    };
    feed::emit(&tx, by, change, now).await?;
    tx.commit().await?;
    Ok(merge)
}

/// After a merge the survivor may have two open occurrences of one playbook's series (one of
/// each customer): the one anchored at the later trigger stays (the earlier due of those on
/// a tie), the others are cancelled. Returns the cancelled ones.
async fn collapse_series(
    tx: &DatabaseTransaction,
    customer: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Vec<Uuid>> {
    let open = store::touchpoints::open_series_of(tx, customer).await?;
    let mut kept: HashMap<Uuid, &entity::touchpoints::Model> = HashMap::new();
    let mut cancelled = Vec::new();
    for t in &open {
        let Some(playbook) = t.playbook_id else {
            continue;
        };
        match kept.get(&playbook) {
            None => {
                kept.insert(playbook, t);
            }
            Some(k) => {
                let better = (t.series_anchor_at, std::cmp::Reverse(t.due_at))
                    > (k.series_anchor_at, std::cmp::Reverse(k.due_at));
                if better {
                    cancelled.push(k.id);
                    kept.insert(playbook, t);
                } else {
                    cancelled.push(t.id);
                }
            }
        }
    }
    cancelled.sort();
    store::touchpoints::close_many(tx, &cancelled, Status::Cancelled, Some(COLLAPSED), now).await?;
    Ok(cancelled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::customer::CustomerCreate;
    use crate::model::customer::{Channel, Tier};

    fn profile(body: serde_json::Value) -> Profile {
        let create: CustomerCreate = serde_json::from_value(body).unwrap();
        Profile::from_create(create, Uuid::from_u128(7))
    }

    #[test]
    fn the_survivor_keeps_its_values_and_fills_its_gaps() {
        let survivor = profile(serde_json::json!({
            "name": "Ada Lovelace", "email": "ada@example.com", "tags": ["vip"],
            "attributes": {"plan": "gold"}, "consent": {"email": "granted", "sms": "granted"}
        }));
        let other = profile(serde_json::json!({
            "name": "A. Lovelace", "email": "countess@example.com", "phone": "+44 20 7946 0000",
            "tier": "key", "tags": ["vip", "engineering"], "do_not_contact": true,
            "attributes": {"plan": "silver", "seats": 4}, "consent": {"email": "refused", "phone": "granted"},
            "important_dates": [{"label": "Wedding", "date": "2015-06-12"}]
        }));
        let merged = merged_profile(&survivor, &other, &HashMap::new());
        assert_eq!(merged.name, "Ada Lovelace");
        assert_eq!(merged.email.as_deref(), Some("ada@example.com"));
        assert_eq!(merged.phone.as_deref(), Some("+44 20 7946 0000"));
        assert_eq!(merged.tier, Tier::General);
        assert_eq!(merged.tags, ["vip", "engineering"]);
        assert_eq!(merged.attributes["plan"], "gold");
        assert_eq!(merged.attributes["seats"], 4);
        assert_eq!(merged.important_dates.len(), 1);
        assert_eq!(merged.consent.state(Channel::Email), ConsentState::Refused);
        assert_eq!(merged.consent.state(Channel::Phone), ConsentState::Granted);
        assert_eq!(merged.consent.state(Channel::Sms), ConsentState::Granted);
        assert!(merged.do_not_contact);

        let chosen: HashMap<String, MergeSource> = [
            ("email".to_string(), MergeSource::From),
            ("tier".to_string(), MergeSource::From),
            ("phone".to_string(), MergeSource::Survivor),
        ]
        .into_iter()
        .collect();
        let merged = merged_profile(&survivor, &other, &chosen);
        assert_eq!(merged.email.as_deref(), Some("countess@example.com"));
        assert_eq!(merged.tier, Tier::Key);
        assert_eq!(merged.phone, None);
    }

    #[test]
    fn only_profile_fields_can_be_chosen() {
        let fields: BTreeMap<String, MergeSource> = [("tags".to_string(), MergeSource::From)]
            .into_iter()
            .collect();
        let Err(DomainError::Validation(errors)) = choices(Some(fields)) else {
            panic!("tags are united, not chosen");
        };
        assert_eq!(errors[0].field, "fields.tags");
        assert!(choices(None).unwrap().is_empty());
    }
}
