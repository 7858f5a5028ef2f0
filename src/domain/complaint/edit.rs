//! Changing a complaint outside its workflow: the descriptive fields and notes in its
//! history.

use chrono::{DateTime, Utc};
use entity::complaints;
use sea_orm::{DatabaseConnection, Set};
use serde_json::json;
use uuid::Uuid;

use super::events::{self, Event};
use super::policy;
use super::row::{blank, instant, locked_for_change, set_sla, to_dto, visible};
use super::sla::SlaState;
use crate::db::begin_write;
use crate::domain::customer::guard::check_assignee;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::complaint::{Complaint, ComplaintEvent, ComplaintNote, ComplaintPatch};
use crate::model::complaint::ComplaintEventKind;
use crate::model::customer::Channel;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::Actor;
use crate::store;

/// Names of the fields a patch changes, for the history.
fn changed_fields(p: &ComplaintPatch, c: &complaints::Model) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name, changed: bool| {
        if changed {
            fields.push(name);
        }
    };
    check("kind", p.kind.is_some_and(|v| v.as_str() != c.kind));
    check(
        "category",
        p.category.is_some_and(|v| v.as_str() != c.category),
    );
    check(
        "severity",
        p.severity.is_some_and(|v| v.as_str() != c.severity),
    );
    check(
        "subject",
        p.subject.as_deref().is_some_and(|v| v.trim() != c.subject),
    );
    check(
        "description",
        p.description.as_ref().is_some_and(|v| *v != c.description),
    );
    check(
        "channel",
        p.channel
            .as_ref()
            .is_some_and(|v| v.map(Channel::as_str) != c.channel.as_deref()),
    );
    check(
        "remediation_plan",
        p.remediation_plan
            .as_ref()
            .is_some_and(|v| *v != c.remediation_plan),
    );
    check(
        "resolution",
        p.resolution.as_ref().is_some_and(|v| *v != c.resolution),
    );
    fields
}

/// `PATCH /complaints/{id}`: the descriptive fields, never the status.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: ComplaintPatch,
    now: DateTime<Utc>,
) -> DomainResult<Complaint> {
    let now = instant(now);
    let tx = begin_write(db).await?;
    let (customer, current) = locked_for_change(&tx, actor, id).await?;
    let mut errors = Vec::new();
    if blank(patch.subject.as_deref()) {
        errors.push(FieldError::new(
            "subject",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    if blank(patch.resolution.as_ref().and_then(|r| r.as_deref())) {
        errors.push(FieldError::new(
            "resolution",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let reassigned = patch.assignee_id.filter(|a| *a != current.assignee_id);
    if let Some(assignee) = reassigned {
        check_assignee(
            &tx,
            actor,
            assignee,
            customer.owner_id,
            "complaints",
            &mut errors,
        )
        .await?;
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    precondition.check(current.version)?;

    let fields = changed_fields(&patch, &current);
    let mut row = complaints::ActiveModel {
        kind: patch
            .kind
            .map(|v| Set(v.as_str().to_string()))
            .unwrap_or_default(),
        category: patch
            .category
            .map(|v| Set(v.as_str().to_string()))
            .unwrap_or_default(),
        subject: patch
            .subject
            .map(|v| Set(v.trim().to_string()))
            .unwrap_or_default(),
        description: patch.description.map(Set).unwrap_or_default(),
        channel: patch
            .channel
            .map(|v| Set(v.map(|c| c.as_str().to_string())))
            .unwrap_or_default(),
        assignee_id: reassigned.map(Set).unwrap_or_default(),
        remediation_plan: patch.remediation_plan.map(Set).unwrap_or_default(),
        resolution: patch.resolution.map(Set).unwrap_or_default(),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(severity) = patch.severity.filter(|s| s.as_str() != current.severity) {
        // Deadlines count from receipt under the new severity's policy.
        let mut sla = SlaState::of(&current)?;
        sla.apply_policy(policy::of(&tx, severity).await?);
        set_sla(&mut row, &sla);
        row.severity = Set(severity.as_str().into());
    }
    ensure_written(
        store::versioned::update_if_version(&tx, id, current.version, row).await?,
        "complaint",
    )?;
    let mut history = Vec::new();
    if !fields.is_empty() {
        history.push(
            Event::new(ComplaintEventKind::Updated, Some(actor.recorded()))
                .details(json!({ "fields": fields })),
        );
    }
    if let Some(to) = reassigned {
        history.push(
            Event::new(ComplaintEventKind::Assignment, Some(actor.recorded()))
                .details(json!({"from_assignee_id": current.assignee_id, "to_assignee_id": to})),
        );
    }
    events::append(&tx, id, history, now).await?;
    let updated = visible(&tx, actor, id).await?;
    tx.commit().await?;
    to_dto(updated, now)
}

/// `POST /complaints/{id}/notes`: a note in the history; the complaint itself is unchanged.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, complaint.id = %id))]
pub async fn add_note(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: ComplaintNote,
    now: DateTime<Utc>,
) -> DomainResult<ComplaintEvent> {
    let now = instant(now);
    if blank(Some(&input.note)) {
        return Err(DomainError::invalid(
            "note",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let tx = begin_write(db).await?;
    locked_for_change(&tx, actor, id).await?;
    let note = Event::new(ComplaintEventKind::Note, Some(actor.recorded()))
        .note(Some(input.note.trim().into()));
    let saved = events::append_one(&tx, id, note, now).await?;
    tx.commit().await?;
    Ok(saved)
}
