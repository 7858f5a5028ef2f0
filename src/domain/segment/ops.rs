//! Segment operations. Membership is always a SQL condition evaluated by the database, for
//! counts, member pages, previews and the customers list filter alike.

use chrono::{DateTime, Utc};
use entity::segments;
use sea_orm::{DatabaseConnection, Set};
use uuid::Uuid;

use super::membership::{as_filter, membership};
use super::{rule, sql};
use crate::db::begin_write;
use crate::domain::customer::listing as customers;
use crate::domain::feed::{self, Change};
use crate::domain::page::keyset;
use crate::domain::version::{Precondition, ensure_written};
use crate::dto::customer::{Customer, CustomerListQuery};
use crate::dto::page::{Page, PageQuery};
use crate::dto::segment::{
    MembersChange, MembersResult, PreviewRequest, PreviewResponse, Segment, SegmentCreate,
    SegmentKind, SegmentListQuery, SegmentPatch,
};
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::event::EventType;
use crate::model::role::Actor;
use crate::model::segment::Rule;
use crate::store;
use crate::store::customers::CustomerFilter;

const SEGMENT_NAME_TAKEN: &str = "a segment with this name already exists";

fn ensure_manager(actor: &Actor) -> DomainResult<()> {
    actor.ensure_manager("change segments")
}

/// Members of `segment` the actor can see.
async fn count_members(
    db: &DatabaseConnection,
    actor: &Actor,
    segment: &segments::Model,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let filter = CustomerFilter {
        segment: Some(membership(db, segment, now)?),
        ..Default::default()
    };
    Ok(store::customers::count(db, actor.customer_scope(), &filter).await?)
}

/// A stored segment as the caller sees it. One that cannot be evaluated now is shown with
/// the reason instead of a count, so that one bad segment never breaks the list.
async fn to_dto(
    db: &DatabaseConnection,
    actor: &Actor,
    m: segments::Model,
    now: DateTime<Utc>,
) -> DomainResult<Segment> {
    let counted = match count_members(db, actor, &m, now).await {
        Ok(n) => Ok(n),
        Err(DomainError::Conflict(c)) => Err(c.detail),
        Err(DomainError::TimedOut(cause)) => {
            tracing::warn!(segment.id = %m.id, error.cause = %cause, "segment count timed out");
            Err("counting the members ran past the statement time budget".into())
        }
        Err(DomainError::Internal(cause)) => {
            tracing::error!(segment.id = %m.id, error.cause = %cause, "segment count failed");
            Err("the members could not be counted".into())
        }
        Err(other) => return Err(other),
    };
    with_count(m, counted)
}

fn with_count(m: segments::Model, counted: Result<u64, String>) -> DomainResult<Segment> {
    let (member_count, evaluation_error) = match counted {
        Ok(n) => (Some(n), None),
        Err(reason) => (None, Some(reason)),
    };
    Ok(Segment {
        id: m.id,
        name: m.name,
        description: m.description,
        kind: SegmentKind::from_stored(&m.kind)?,
        rule: m.rule,
        member_count,
        evaluation_error,
        created_by: m.created_by,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// The rule a segment of `kind` may have, parsed.
fn checked_rule(
    kind: SegmentKind,
    rule: Option<&serde_json::Value>,
) -> Result<Option<Rule>, Vec<FieldError>> {
    match (kind, rule) {
        (SegmentKind::Dynamic, Some(r)) => rule::parse(r, "rule").map(Some),
        (SegmentKind::Dynamic, None) => Err(vec![FieldError::new(
            "rule",
            FieldCode::Required,
            "a dynamic segment needs a rule",
        )]),
        (SegmentKind::Static, Some(_)) => Err(vec![FieldError::new(
            "rule",
            FieldCode::NotAllowed,
            "a static segment has no rule; add members instead",
        )]),
        (SegmentKind::Static, None) => Ok(None),
    }
}

/// Counts a new or changed rule's members before it is stored, strictly (any failure,
/// a statement timeout included, is the caller's answer), so that a rule the database cannot
/// evaluate is refused and leaves nothing behind.
async fn evaluate(
    db: &DatabaseConnection,
    actor: &Actor,
    parsed: &Rule,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let filter = CustomerFilter {
        segment: Some(sql::condition(parsed, db.get_database_backend(), now)),
        ..Default::default()
    };
    Ok(store::customers::count(db, actor.customer_scope(), &filter).await?)
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: SegmentCreate,
    now: DateTime<Utc>,
) -> DomainResult<Segment> {
    ensure_manager(actor)?;
    let mut errors = Vec::new();
    if input.name.trim().is_empty() {
        errors.push(FieldError::new(
            "name",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let rule = input.rule.filter(|r| !r.is_null());
    let parsed = checked_rule(input.kind, rule.as_ref()).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        None
    });
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let member_count = match &parsed {
        Some(parsed) => evaluate(db, actor, parsed, now).await?,
        None => 0,
    };
    let row = segments::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(input.name.trim().to_string()),
        description: Set(input.description),
        kind: Set(input.kind.as_str().into()),
        rule: Set(rule),
        created_by: Set(actor.id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let stored = store::segments::insert(db, row)
        .await
        .map_err(DomainError::unique(SEGMENT_NAME_TAKEN))?;
    with_count(stored, Ok(member_count))
}

async fn load(db: &DatabaseConnection, id: Uuid) -> DomainResult<segments::Model> {
    store::segments::find(db, id)
        .await?
        .ok_or_else(|| DomainError::not_found("segment"))
}

/// The segment read from `db` (a change just made shows), its `member_count` from `counts`
/// (which may be a read replica a little behind).
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, segment.id = %id))]
pub async fn get(
    db: &DatabaseConnection,
    counts: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Segment> {
    let m = load(db, id).await?;
    to_dto(counts, actor, m, now).await
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, segment.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: SegmentPatch,
    now: DateTime<Utc>,
) -> DomainResult<Segment> {
    let current = load(db, id).await?;
    ensure_manager(actor)?;
    let kind = SegmentKind::from_stored(&current.kind)?;
    let mut errors = Vec::new();
    if patch.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        errors.push(FieldError::new(
            "name",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let parsed = match &patch.rule {
        Some(r) => checked_rule(kind, Some(r)).unwrap_or_else(|mut e| {
            errors.append(&mut e);
            None
        }),
        None => None,
    };
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    precondition.check(current.version)?;
    if let Some(parsed) = &parsed {
        evaluate(db, actor, parsed, now).await?;
    }
    let row = segments::ActiveModel {
        name: patch
            .name
            .map(|n| Set(n.trim().to_string()))
            .unwrap_or_default(),
        description: patch.description.map(Set).unwrap_or_default(),
        rule: patch.rule.map(|r| Set(Some(r))).unwrap_or_default(),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    let written = store::versioned::update_if_version(db, id, current.version, row)
        .await
        .map_err(DomainError::unique(SEGMENT_NAME_TAKEN))?;
    ensure_written(written, "segment")?;
    get(db, db, actor, id, now).await
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, segment.id = %id))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
) -> DomainResult<()> {
    let current = load(db, id).await?;
    ensure_manager(actor)?;
    precondition.check(current.version)?;
    let tx = begin_write(db).await?;
    store::segments::delete(&tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Segments read from `db`, their `member_count`s from `counts`, as in [`get`].
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn list(
    db: &DatabaseConnection,
    counts: &DatabaseConnection,
    actor: &Actor,
    q: SegmentListQuery,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<Segment>> {
    let page = page.request::<Uuid>()?;
    let rows =
        store::segments::list(db, q.kind.map(SegmentKind::as_str), page.after, page.limit).await?;
    let page = keyset(rows, |s| s.id);
    let mut items = Vec::with_capacity(page.items.len());
    for row in page.items {
        items.push(to_dto(counts, actor, row, now).await?);
    }
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

/// Adds (or removes) members of a static segment in bulk.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, segment.id = %id))]
pub async fn change_members(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: MembersChange,
    add: bool,
    now: DateTime<Utc>,
) -> DomainResult<MembersResult> {
    let segment = load(db, id).await?;
    ensure_manager(actor)?;
    if SegmentKind::from_stored(&segment.kind)? != SegmentKind::Static {
        return Err(DomainError::conflict(
            "a dynamic segment's members follow its rule; they cannot be listed by hand",
        ));
    }
    let mut ids = input.customer_ids;
    ids.sort();
    ids.dedup();
    let tx = begin_write(db).await?;
    // Locked, so that two changes at once announce each member once.
    store::versioned::lock::<entity::segments::Entity, _>(&tx, id).await?;
    let known = store::segments::existing_customers(&tx, &ids).await?;
    let unknown_ids: Vec<Uuid> = ids.iter().copied().filter(|i| !known.contains(i)).collect();
    let members = store::segments::members_among(&tx, id, &ids).await?;
    let (changed, kind, moved): (u64, EventType, Vec<Uuid>) = if add {
        let added = known
            .iter()
            .copied()
            .filter(|c| !members.contains(c))
            .collect();
        let n = store::segments::add_members(&tx, id, &known, now).await?;
        (n, EventType::SegmentMemberAdded, added)
    } else {
        let n = store::segments::remove_members(&tx, id, &ids).await?;
        (n, EventType::SegmentMemberRemoved, members)
    };
    let shown: Vec<MembershipChange> = moved
        .into_iter()
        .map(|customer_id| MembershipChange {
            segment_id: id,
            customer_id,
        })
        .collect();
    let changes = shown
        .iter()
        .map(|m| Change {
            kind,
            subject_id: id,
            customer_id: m.customer_id,
            data: m,
        })
        .collect();
    feed::emit_all(&tx, Some(actor.recorded()), changes, now).await?;
    tx.commit().await?;
    Ok(MembersResult {
        changed,
        unknown_ids,
    })
}

/// The segment's members visible to the actor, with the customers list's sort and page.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id, segment.id = %id))]
pub async fn members(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    mut q: CustomerListQuery,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<Customer>> {
    let segment = load(db, id).await?;
    let members = as_filter(db, &segment, now)?;
    q.segment_id = None;
    customers::page_of(db, actor, q, Some(members), page, now).await
}

/// Counts and shows the first page of a rule's members without saving anything.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn preview(
    db: &DatabaseConnection,
    actor: &Actor,
    input: PreviewRequest,
    now: DateTime<Utc>,
) -> DomainResult<PreviewResponse> {
    let parsed = rule::parse(&input.rule, "rule").map_err(DomainError::Validation)?;
    let filter = CustomerFilter {
        segment: Some(sql::condition(&parsed, db.get_database_backend(), now)),
        ..Default::default()
    };
    let (count, items) = customers::count_and_first_page(db, actor, &filter, now).await?;
    Ok(PreviewResponse { count, items })
}

/// The data of a `segment.member_added` or `segment.member_removed` event.
#[derive(serde::Serialize)]
struct MembershipChange {
    segment_id: Uuid,
    customer_id: Uuid,
}
