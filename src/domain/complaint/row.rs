//! A complaint as rows and as shown, and the guards that find one for reading or change:
//! the lower tier every complaint writer shares.

use chrono::{DateTime, SubsecRound, Utc};
use entity::complaints;
use sea_orm::{ConnectionTrait, DatabaseTransaction, Set};
use uuid::Uuid;

use super::sla::SlaState;
use crate::domain::customer::guard::for_change;
use crate::domain::feed::{self, Change};
use crate::dto::complaint::Complaint;
use crate::model::complaint::{ComplaintCategory, ComplaintKind, Severity};
use crate::model::customer::Channel;
use crate::model::error::{DomainError, DomainResult};
use crate::model::event::EventType;
use crate::model::role::{Actor, ActorRef, CustomerScope};
use crate::store;

/// Complaint times are kept to the millisecond, as every instant the service stores, so that
/// a deadline moved by the time waited is exact on every database.
pub fn instant(now: DateTime<Utc>) -> DateTime<Utc> {
    now.trunc_subsecs(3)
}

/// The complaint as the API shows it at `now`.
pub fn to_dto(m: complaints::Model, now: DateTime<Utc>) -> DomainResult<Complaint> {
    let sla = SlaState::of(&m)?;
    Ok(Complaint {
        id: m.id,
        customer_id: m.customer_id,
        kind: ComplaintKind::from_stored(&m.kind)?,
        category: ComplaintCategory::from_stored(&m.category)?,
        severity: Severity::from_stored(&m.severity)?,
        subject: m.subject,
        description: m.description,
        channel: m.channel.as_deref().map(Channel::from_stored).transpose()?,
        received_at: m.received_at,
        assignee_id: m.assignee_id,
        status: sla.status,
        remediation_plan: m.remediation_plan,
        resolution: m.resolution,
        satisfaction_after: m.satisfaction_after,
        escalation_level: m.escalation_level,
        first_response_due_at: m.first_response_due_at,
        resolution_due_at: m.resolution_due_at,
        first_responded_at: m.first_responded_at,
        resolved_at: m.resolved_at,
        closed_at: m.closed_at,
        waiting_since: m.waiting_since,
        breached: sla.breached(now),
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
        customer: None,
        assignee: None,
    })
}

/// Writes the SLA state's fields, and the escalation it now waits for, into `row`.
pub fn set_sla(row: &mut complaints::ActiveModel, sla: &SlaState) {
    row.status = Set(sla.status.as_str().into());
    row.first_response_due_at = Set(sla.first_response_due_at);
    row.resolution_due_at = Set(sla.resolution_due_at);
    row.first_responded_at = Set(sla.first_responded_at);
    row.resolved_at = Set(sla.resolved_at);
    row.waiting_since = Set(sla.waiting_since);
    row.paused_seconds = Set(sla.paused_seconds);
    row.response_escalated = Set(sla.response_escalated);
    row.resolution_escalations = Set(sla.resolution_escalations);
    row.next_escalation_at = Set(sla.next_escalation().map(|(_, at)| at));
}

/// The complaint, when the actor can see it (with its customer).
pub async fn visible<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<complaints::Model> {
    store::versioned::find_visible::<entity::complaints::Entity, _>(db, id, actor.customer_scope())
        .await?
        .ok_or_else(|| DomainError::not_found("complaint"))
}

/// The complaint, visible to an actor who may change it, locked with its customer (customer
/// first, see "Check-then-write"). Returns the customer too.
pub async fn locked_for_change(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
) -> DomainResult<(entity::customers::Model, complaints::Model)> {
    for_change::<complaints::Entity>(tx, actor, id, "complaint").await
}

pub fn blank(text: Option<&str>) -> bool {
    text.is_some_and(|t| t.trim().is_empty())
}

/// Appends one event of each of `kinds` about complaint `id`, as the API shows it at `now`.
pub async fn announce<C: ConnectionTrait>(
    db: &C,
    actor: Option<ActorRef>,
    kinds: &[EventType],
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let model = store::versioned::find_visible::<complaints::Entity, _>(db, id, CustomerScope::All)
        .await?
        .ok_or_else(|| DomainError::not_found("complaint"))?;
    let shown = to_dto(model, now)?;
    for kind in kinds {
        let change = Change {
            kind: *kind,
            subject_id: shown.id,
            customer_id: shown.customer_id,
            data: &shown,
        };
        feed::emit(db, actor, change, now).await?;
    }
    Ok(())
}
