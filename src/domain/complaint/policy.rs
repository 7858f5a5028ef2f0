//! The SLA policy of each severity: how soon a complaint must be answered and resolved.
//! Seeded with DESIGN §5's defaults by the migration; admins change them.

use chrono::{DateTime, Utc};
use entity::sla_policies;
use sea_orm::{ConnectionTrait, DatabaseConnection, Set};

use super::sla::Policy;
use crate::db::begin_write;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::complaint::{SlaPolicy, SlaPolicyUpdate};
use crate::dto::page::Page;
use crate::model::complaint::Severity;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::store;

fn to_dto(m: sla_policies::Model) -> DomainResult<SlaPolicy> {
    Ok(SlaPolicy {
        severity: Severity::from_stored(&m.severity)?,
        first_response_minutes: m.first_response_minutes,
        resolution_minutes: m.resolution_minutes,
        version: m.version,
        updated_at: m.updated_at,
    })
}

/// The policy deadlines are computed with for `severity`.
pub async fn of<C: ConnectionTrait>(db: &C, severity: Severity) -> DomainResult<Policy> {
    let m = store::complaints::policy(db, severity.as_str())
        .await?
        .ok_or_else(|| DomainError::internal(format!("no SLA policy for {severity:?}")))?;
    Ok(Policy {
        first_response_minutes: m.first_response_minutes,
        resolution_minutes: m.resolution_minutes,
    })
}

/// Every policy, most severe first.
#[tracing::instrument(skip_all)]
pub async fn list(db: &DatabaseConnection) -> DomainResult<Page<SlaPolicy>> {
    let mut items = store::complaints::policies(db)
        .await?
        .into_iter()
        .map(to_dto)
        .collect::<DomainResult<Vec<_>>>()?;
    items.sort_by_key(|p| std::cmp::Reverse(p.severity as u8));
    Ok(Page {
        items,
        next_cursor: None,
    })
}

/// A severity named in a path; an unknown one has no policy to find.
fn severity_named(name: &str) -> DomainResult<Severity> {
    Severity::from_name(name).ok_or_else(|| DomainError::not_found("SLA policy"))
}

#[tracing::instrument(skip_all)]
pub async fn get(db: &DatabaseConnection, severity: &str) -> DomainResult<SlaPolicy> {
    let severity = severity_named(severity)?;
    let m = store::complaints::policy(db, severity.as_str())
        .await?
        .ok_or_else(|| DomainError::not_found("SLA policy"))?;
    to_dto(m)
}

/// Admins set a severity's deadlines; complaints received before keep theirs.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    severity: &str,
    precondition: &Precondition,
    input: SlaPolicyUpdate,
    now: DateTime<Utc>,
) -> DomainResult<SlaPolicy> {
    let severity = severity_named(severity)?;
    actor.ensure_admin("change SLA policies")?;
    if input.first_response_minutes > input.resolution_minutes {
        return Err(DomainError::invalid(
            "first_response_minutes",
            FieldCode::Conflict,
            "must not be more than resolution_minutes",
        ));
    }
    let tx = begin_write(db).await?;
    let current = store::complaints::policy(&tx, severity.as_str())
        .await?
        .ok_or_else(|| DomainError::not_found("SLA policy"))?;
    precondition.check(current.version)?;
    let minutes = |m: i64| i32::try_from(m).map_err(DomainError::internal);
    let row = sla_policies::ActiveModel {
        first_response_minutes: Set(minutes(input.first_response_minutes)?),
        resolution_minutes: Set(minutes(input.resolution_minutes)?),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    ensure_written(
        store::complaints::update_policy_if_version(&tx, severity.as_str(), current.version, row)
            .await?,
        "SLA policy",
    )?;
    let updated = store::complaints::policy(&tx, severity.as_str())
        .await?
        .ok_or_else(|| DomainError::not_found("SLA policy"))?;
    tx.commit().await?;
    to_dto(updated)
}
