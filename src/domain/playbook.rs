//! Playbooks: the cadences touchpoints are generated from. Managers and admins write them,
//! everyone reads them (a personal plan only by those who can see its customer). The
//! defaults of DESIGN §1 are seeded once; an edit or a deletion of a default stands.

use chrono::{DateTime, Utc};
use entity::playbooks;
use sea_orm::{DatabaseConnection, Set};
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::cadence::defaults::{DEFAULTS, DefaultStep};
use crate::domain::cadence::duration::CalendarDuration;
use crate::domain::page::keyset;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::page::{Page, PageQuery};
use crate::dto::playbook::{
    Playbook, PlaybookCreate, PlaybookListQuery, PlaybookPatch, PlaybookRecurrence, PlaybookStep,
};
use crate::model::cadence::Trigger;
use crate::model::customer::Tier;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::Actor;
use crate::store;
use crate::store::playbooks::PlaybookFilter;

const CHANGE_PLAYBOOKS: &str = "change playbooks";

/// Checks what the schema cannot: durations, blank titles, a recurrence of at least a day.
fn check_cadence(
    steps: &[PlaybookStep],
    recurrence: Option<&PlaybookRecurrence>,
    errors: &mut Vec<FieldError>,
) {
    for (i, step) in steps.iter().enumerate() {
        if let Err(message) = CalendarDuration::parse(&step.offset) {
            errors.push(FieldError::new(
                format!("steps[{i}].offset"),
                FieldCode::InvalidFormat,
                message,
            ));
        }
        if step.title.trim().is_empty() {
            errors.push(FieldError::new(
                format!("steps[{i}].title"),
                FieldCode::Blank,
                "must not be blank",
            ));
        }
    }
    if let Some(r) = recurrence {
        match CalendarDuration::parse(&r.every) {
            Ok(every) if every.months == 0 && every.days == 0 && every.seconds < 86_400 => {
                errors.push(FieldError::new(
                    "recurrence.every",
                    FieldCode::OutOfRange,
                    "must be at least one day",
                ));
            }
            Ok(_) => {}
            Err(message) => errors.push(FieldError::new(
                "recurrence.every",
                FieldCode::InvalidFormat,
                message,
            )),
        }
        if r.title.trim().is_empty() {
            errors.push(FieldError::new(
                "recurrence.title",
                FieldCode::Blank,
                "must not be blank",
            ));
        }
    }
    if steps.is_empty() && recurrence.is_none() {
        errors.push(FieldError::new(
            "steps",
            FieldCode::Required,
            "a playbook needs a step or a recurrence",
        ));
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> DomainResult<serde_json::Value> {
    serde_json::to_value(value).map_err(DomainError::internal)
}

impl TryFrom<playbooks::Model> for Playbook {
    type Error = DomainError;

    fn try_from(m: playbooks::Model) -> DomainResult<Self> {
        let steps = serde_json::from_value(m.steps).map_err(DomainError::internal)?;
        let recurrence = m
            .recurrence
            .map(serde_json::from_value)
            .transpose()
            .map_err(DomainError::internal)?;
        Ok(Self {
            id: m.id,
            name: m.name,
            tier: m.tier.as_deref().map(Tier::from_stored).transpose()?,
            customer_id: m.customer_id,
            trigger: Trigger::from_stored(&m.trigger)?,
            steps,
            recurrence,
            active: m.active,
            is_default: m.default_key.is_some(),
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: PlaybookCreate,
    now: DateTime<Utc>,
) -> DomainResult<Playbook> {
    actor.ensure_manager(CHANGE_PLAYBOOKS)?;
    let mut errors = Vec::new();
    if input.name.trim().is_empty() {
        errors.push(FieldError::new(
            "name",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    if input.tier.is_some() && input.customer_id.is_some() {
        errors.push(FieldError::new(
            "customer_id",
            FieldCode::NotAllowed,
            "a personal plan is for one customer, whatever the tier; leave `tier` out",
        ));
    }
    check_cadence(&input.steps, input.recurrence.as_ref(), &mut errors);
    let tx = begin_write(db).await?;
    if let Some(customer) = input.customer_id
        && store::customers::find_visible(&tx, customer, actor.customer_scope())
            .await?
            .is_none()
    {
        errors.push(FieldError::new(
            "customer_id",
            FieldCode::NotFound,
            "no such customer",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let row = store::playbooks::insert(
        &tx,
        playbooks::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set(input.name.trim().to_string()),
            tier: Set(input.tier.map(|t| t.as_str().to_string())),
            customer_id: Set(input.customer_id),
            trigger: Set(input.trigger.as_str().into()),
            steps: Set(to_json(&input.steps)?),
            recurrence: Set(input.recurrence.as_ref().map(to_json).transpose()?),
            active: Set(input.active.unwrap_or(true)),
            default_key: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        },
    )
    .await?;
    tx.commit().await?;
    row.try_into()
}

async fn visible(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<playbooks::Model> {
    store::playbooks::find_visible(db, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("playbook"))
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, playbook.id = %id))]
pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> DomainResult<Playbook> {
    visible(db, actor, id).await?.try_into()
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: PlaybookListQuery,
    page: PageQuery,
) -> DomainResult<Page<Playbook>> {
    let page = page.request::<Uuid>()?;
    let filter = PlaybookFilter {
        tier: q.tier.map(Tier::as_str),
        trigger: q.trigger.map(Trigger::as_str),
        customer_id: q.customer_id,
        active: q.active,
    };
    let rows =
        store::playbooks::list(db, actor.customer_scope(), &filter, page.after, page.limit).await?;
    keyset(rows, |p| p.id).try_map(Playbook::try_from)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, playbook.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: PlaybookPatch,
    now: DateTime<Utc>,
) -> DomainResult<Playbook> {
    let current = visible(db, actor, id).await?;
    actor.ensure_manager(CHANGE_PLAYBOOKS)?;
    let shown = Playbook::try_from(current.clone())?;
    let steps = patch.steps.clone().unwrap_or(shown.steps);
    let recurrence = match &patch.recurrence {
        Some(r) => r.clone(),
        None => shown.recurrence,
    };
    let mut errors = Vec::new();
    if patch.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        errors.push(FieldError::new(
            "name",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    check_cadence(&steps, recurrence.as_ref(), &mut errors);
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    precondition.check(current.version)?;
    let row = playbooks::ActiveModel {
        name: patch
            .name
            .map(|n| Set(n.trim().to_string()))
            .unwrap_or_default(),
        trigger: patch
            .trigger
            .map(|t| Set(t.as_str().to_string()))
            .unwrap_or_default(),
        steps: Set(to_json(&steps)?),
        recurrence: Set(recurrence.as_ref().map(to_json).transpose()?),
        active: patch.active.map(Set).unwrap_or_default(),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::versioned::update_if_version(db, id, current.version, row).await?,
        "playbook",
    )?;
    get(db, actor, id).await
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, playbook.id = %id))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
) -> DomainResult<()> {
    let current = visible(db, actor, id).await?;
    actor.ensure_manager(CHANGE_PLAYBOOKS)?;
    precondition.check(current.version)?;
    ensure_written(
        store::playbooks::delete_if_version(db, id, current.version).await?,
        "playbook",
    )
}

fn step_of(s: &DefaultStep) -> PlaybookStep {
    PlaybookStep {
        offset: s.offset.into(),
        channel: s.channel,
        purpose: s.purpose,
        title: s.title.into(),
    }
}

/// Seeds the defaults never seeded before. Each is claimed in the same transaction that
/// inserts it, so two replicas starting at once seed it once, and a default an admin deleted
/// or edited is never touched again. Returns how many were created.
#[tracing::instrument(skip_all)]
pub async fn seed_defaults(db: &DatabaseConnection, now: DateTime<Utc>) -> DomainResult<usize> {
    let mut created = 0;
    for default in DEFAULTS {
        let tx = begin_write(db).await?;
        if !store::playbooks::claim_default(&tx, default.key, now).await? {
            continue;
        }
        let steps: Vec<PlaybookStep> = default.steps.iter().map(step_of).collect();
        let recurrence = default.recurrence.as_ref().map(|r| PlaybookRecurrence {
            every: r.offset.into(),
            channel: r.channel,
            purpose: r.purpose,
            title: r.title.into(),
        });
        store::playbooks::insert(
            &tx,
            playbooks::ActiveModel {
                id: Set(Uuid::now_v7()),
                name: Set(default.name.into()),
                tier: Set(Some(default.tier.as_str().into())),
                customer_id: Set(None),
                trigger: Set(default.trigger.as_str().into()),
                steps: Set(to_json(&steps)?),
                recurrence: Set(recurrence.as_ref().map(to_json).transpose()?),
                active: Set(true),
                default_key: Set(Some(default.key.into())),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            },
        )
        .await?;
        tx.commit().await?;
        created += 1;
    }
    Ok(created)
}
