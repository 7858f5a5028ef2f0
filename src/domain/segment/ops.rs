//! Segment operations. Membership is always a SQL condition evaluated by the database, for
//! counts, member pages, previews and the customers list filter alike.

use chrono::{DateTime, Utc};
use entity::segments;
use sea_orm::{Condition, ConnectionTrait, DatabaseConnection, Set};
use uuid::Uuid;

use super::{rule, sql};
use crate::db::begin_write;
use crate::domain::customer::ops as customers;
use crate::domain::role::Actor;
use crate::domain::version::Precondition;
use crate::dto::customer::{Customer, CustomerListQuery};
use crate::dto::page::{Page, decode_cursor, encode_cursor, limit};
use crate::dto::segment::{
    MembersChange, MembersResult, PreviewRequest, PreviewResponse, Segment, SegmentCreate,
    SegmentKind, SegmentListQuery, SegmentPatch,
};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::store;
use crate::store::customers::CustomerFilter;

fn ensure_manager(actor: &Actor) -> ApiResult<()> {
    if actor.is_manager_or_admin() {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "only managers and admins change segments".into(),
        ))
    }
}

fn membership<C: ConnectionTrait>(
    db: &C,
    segment: &segments::Model,
    now: DateTime<Utc>,
) -> ApiResult<Condition> {
    match SegmentKind::parse(&segment.kind) {
        Some(SegmentKind::Static) => Ok(store::segments::static_members(segment.id)),
        _ => {
            let stored = segment.rule.clone().unwrap_or_default();
            let parsed = rule::parse(&stored, "rule")
                .map_err(|_| ApiError::internal("a stored rule no longer parses"))?;
            Ok(sql::condition(&parsed, db.get_database_backend(), now))
        }
    }
}

/// The membership condition of a segment, for the customers list filter `segment_id`.
pub async fn membership_of(
    db: &DatabaseConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> ApiResult<Condition> {
    let segment = store::segments::find(db, id)
        .await?
        .ok_or_else(|| ApiError::invalid("segment_id", "no such segment"))?;
    membership(db, &segment, now)
}

async fn to_dto(
    db: &DatabaseConnection,
    actor: &Actor,
    m: segments::Model,
    now: DateTime<Utc>,
) -> ApiResult<Segment> {
    let filter = CustomerFilter {
        segment: Some(membership(db, &m, now)?),
        ..Default::default()
    };
    let member_count = store::customers::count(db, actor.customer_scope(), &filter).await?;
    Ok(Segment {
        id: m.id,
        name: m.name,
        description: m.description,
        kind: SegmentKind::parse(&m.kind).unwrap_or(SegmentKind::Static),
        rule: m.rule,
        member_count,
        created_by: m.created_by,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

fn checked_rule(
    kind: SegmentKind,
    rule: Option<&serde_json::Value>,
) -> Result<(), Vec<FieldError>> {
    match (kind, rule) {
        (SegmentKind::Dynamic, Some(r)) => rule::parse(r, "rule").map(|_| ()),
        (SegmentKind::Dynamic, None) => Err(vec![FieldError::new(
            "rule",
            "a dynamic segment needs a rule",
        )]),
        (SegmentKind::Static, Some(_)) => Err(vec![FieldError::new(
            "rule",
            "a static segment has no rule; add members instead",
        )]),
        (SegmentKind::Static, None) => Ok(()),
    }
}

pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: SegmentCreate,
    now: DateTime<Utc>,
) -> ApiResult<Segment> {
    ensure_manager(actor)?;
    let mut errors = Vec::new();
    if input.name.trim().is_empty() {
        errors.push(FieldError::new("name", "must not be blank"));
    }
    let rule = input.rule.filter(|r| !r.is_null());
    if let Err(mut e) = checked_rule(input.kind, rule.as_ref()) {
        errors.append(&mut e);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let row = store::segments::insert(
        db,
        segments::ActiveModel {
            id: Set(Uuid::now_v7()),
            name: Set(input.name.trim().to_string()),
            description: Set(input.description),
            kind: Set(input.kind.as_str().into()),
            rule: Set(rule),
            created_by: Set(actor.id),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        },
    )
    .await?;
    to_dto(db, actor, row, now).await
}

async fn load(db: &DatabaseConnection, id: Uuid) -> ApiResult<segments::Model> {
    store::segments::find(db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("segment"))
}

pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    now: DateTime<Utc>,
) -> ApiResult<Segment> {
    let m = load(db, id).await?;
    to_dto(db, actor, m, now).await
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: SegmentPatch,
    now: DateTime<Utc>,
) -> ApiResult<Segment> {
    let current = load(db, id).await?;
    ensure_manager(actor)?;
    let kind = SegmentKind::parse(&current.kind).unwrap_or(SegmentKind::Static);
    let mut errors = Vec::new();
    if patch.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        errors.push(FieldError::new("name", "must not be blank"));
    }
    if let Some(r) = &patch.rule
        && let Err(mut e) = checked_rule(kind, Some(r))
    {
        errors.append(&mut e);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    precondition.check(current.version)?;
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
    if !store::segments::update_if_version(db, id, current.version, row).await? {
        return Err(ApiError::PreconditionFailed(
            "the segment changed meanwhile; fetch it again".into(),
        ));
    }
    get(db, actor, id, now).await
}

pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
) -> ApiResult<()> {
    let current = load(db, id).await?;
    ensure_manager(actor)?;
    precondition.check(current.version)?;
    let tx = begin_write(db).await?;
    store::segments::delete(&tx, id).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: SegmentListQuery,
    now: DateTime<Utc>,
) -> ApiResult<Page<Segment>> {
    let limit = limit(q.limit)?;
    let after = q.cursor.as_deref().map(decode_cursor::<Uuid>).transpose()?;
    let (rows, more) =
        store::segments::list(db, q.kind.map(SegmentKind::as_str), after, limit).await?;
    let next_cursor = more
        .then(|| rows.last().map(|s| encode_cursor(&s.id)))
        .flatten();
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        items.push(to_dto(db, actor, row, now).await?);
    }
    Ok(Page { items, next_cursor })
}

/// Adds (or removes) members of a static segment in bulk.
pub async fn change_members(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: MembersChange,
    add: bool,
    now: DateTime<Utc>,
) -> ApiResult<MembersResult> {
    let segment = load(db, id).await?;
    ensure_manager(actor)?;
    if SegmentKind::parse(&segment.kind) != Some(SegmentKind::Static) {
        return Err(ApiError::Conflict(
            "a dynamic segment's members follow its rule; they cannot be listed by hand".into(),
        ));
    }
    let mut ids = input.customer_ids;
    ids.sort();
    ids.dedup();
    let tx = begin_write(db).await?;
    let known = store::segments::existing_customers(&tx, &ids).await?;
    let unknown_ids: Vec<Uuid> = ids.iter().copied().filter(|i| !known.contains(i)).collect();
    let changed = if add {
        store::segments::add_members(&tx, id, &known, now).await?
    } else {
        store::segments::remove_members(&tx, id, &ids).await?
    };
    tx.commit().await?;
    Ok(MembersResult {
        changed,
        unknown_ids,
    })
}

/// The segment's members visible to the actor, with the customers list's sort and page.
pub async fn members(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    mut q: CustomerListQuery,
    now: DateTime<Utc>,
) -> ApiResult<Page<Customer>> {
    load(db, id).await?;
    q.segment_id = Some(id);
    customers::list(db, actor, q, now).await
}

/// Counts and shows the first page of a rule's members without saving anything.
pub async fn preview(
    db: &DatabaseConnection,
    actor: &Actor,
    input: PreviewRequest,
    now: DateTime<Utc>,
) -> ApiResult<PreviewResponse> {
    let parsed = rule::parse(&input.rule, "rule").map_err(ApiError::Validation)?;
    let filter = CustomerFilter {
        segment: Some(sql::condition(&parsed, db.get_database_backend(), now)),
        ..Default::default()
    };
    let count = store::customers::count(db, actor.customer_scope(), &filter).await?;
    let (rows, _) = store::customers::list(
        db,
        actor.customer_scope(),
        &filter,
        crate::dto::customer::CustomerSort::CreatedDesc,
        None,
        crate::dto::page::DEFAULT_LIMIT,
    )
    .await?;
    Ok(PreviewResponse {
        count,
        items: customers::page_items(db, rows).await?,
    })
}
