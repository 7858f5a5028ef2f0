//! Which customers a segment holds, as a condition on the customers table: a static
//! segment's member rows, or a dynamic segment's rule. The lower tier the customers list and
//! campaigns use.

use chrono::{DateTime, Utc};
use entity::segments;
use sea_orm::{Condition, ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::{rule, sql};
use crate::dto::segment::SegmentKind;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::store;

pub fn membership<C: ConnectionTrait>(
    db: &C,
    segment: &segments::Model,
    now: DateTime<Utc>,
) -> DomainResult<Condition> {
    match SegmentKind::from_stored(&segment.kind)? {
        SegmentKind::Static => Ok(store::segments::static_members(segment.id)),
        SegmentKind::Dynamic => {
            let stored = segment.rule.clone().unwrap_or_default();
            // A rule saved before today's budget (or a change of the language) may no longer
            // be accepted: the segment is reported as unevaluable, never a server error.
            let parsed = rule::parse(&stored, "rule").map_err(|errors| {
                let reason = errors
                    .first()
                    .map_or_else(String::new, |e| format!("{}: {}", e.field, e.message));
                DomainError::conflict(format!(
                    "the segment's stored rule cannot be evaluated ({reason}); change its rule"
                ))
            })?;
            Ok(sql::condition(&parsed, db.get_database_backend(), now))
        }
    }
}

/// The membership condition of a segment, for the customers list filter `segment_id`.
#[tracing::instrument(skip_all, fields(segment.id = %id))]
pub async fn membership_of(
    db: &DatabaseConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Condition> {
    let segment = store::segments::find(db, id).await?.ok_or_else(|| {
        DomainError::invalid("segment_id", FieldCode::NotFound, "no such segment")
    })?;
    as_filter(db, &segment, now)
}

/// The membership of a segment read already, as the customers list filter `segment_id`
/// answers it: a stored rule that cannot be evaluated is the parameter's fault.
pub fn as_filter<C: ConnectionTrait>(
    db: &C,
    segment: &segments::Model,
    now: DateTime<Utc>,
) -> DomainResult<Condition> {
    membership(db, segment, now).map_err(|e| match e {
        DomainError::Conflict(c) => {
            DomainError::invalid("segment_id", FieldCode::Conflict, c.detail)
        }
        other => other,
    })
}

/// The membership condition of a segment a campaign is sent to: 404 when there is no such
/// segment, 409 when its stored rule cannot be evaluated now.
pub async fn membership_for_campaign(
    db: &DatabaseConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Condition> {
    let segment = store::segments::find(db, id)
        .await?
        .ok_or_else(|| DomainError::not_found("segment"))?;
    membership(db, &segment, now)
}
