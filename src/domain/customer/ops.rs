//! Customer operations: create, read, change, remove and list, with record-level access
//! and optimistic concurrency.

use chrono::{DateTime, Utc};
use entity::customers;
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use uuid::Uuid;

use super::convert::{profile_of, to_dto, write_profile};
use super::fields::{CustomerStatus, LifecycleStage, Tier};
use super::rules::{Profile, churned_at};
use super::{birthday, history, ownership};
use crate::db::begin_write;
use crate::domain::role::{Actor, CustomerScope, Role};
use crate::domain::version::Precondition;
use crate::dto::customer::{
    Customer, CustomerCreate, CustomerListQuery, CustomerPatch, CustomerSort,
};
use crate::dto::page::{Page, decode_cursor, encode_cursor, limit};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::store;
use crate::store::customers::{Cursor, CustomerFilter};

/// References the schema cannot check: the owner must be an active user who may own
/// customers, and the referrer an existing customer other than this one.
async fn check_references(
    tx: &DatabaseTransaction,
    profile: &Profile,
    this: Option<Uuid>,
    errors: &mut Vec<FieldError>,
) -> ApiResult<()> {
    if !ownership::can_own(tx, profile.owner_id).await? {
        errors.push(FieldError::new(
            "owner_id",
            "must be an active user who can own customers",
        ));
    }
    if let Some(referrer) = profile.referred_by_id {
        if Some(referrer) == this {
            errors.push(FieldError::new(
                "referred_by_id",
                "a customer cannot refer themselves",
            ));
        } else if !store::customers::exists(tx, referrer).await? {
            errors.push(FieldError::new("referred_by_id", "no such customer"));
        }
    }
    Ok(())
}

async fn load<C: sea_orm::ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: CustomerScope,
) -> ApiResult<Customer> {
    let model = store::customers::find_visible(db, id, scope)
        .await?
        .ok_or_else(|| ApiError::not_found("customer"))?;
    let tags = store::customers::tags_of(db, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    Ok(to_dto(model, tags))
}

#[tracing::instrument(skip_all, fields(customer.id))]
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: CustomerCreate,
    now: DateTime<Utc>,
) -> ApiResult<Customer> {
    actor.ensure_can_write()?;
    if actor.role == Role::Agent && input.owner_id.is_some_and(|o| o != actor.id) {
        return Err(ApiError::Forbidden(
            "agents can only create customers they own".into(),
        ));
    }
    let mut profile = Profile::from_create(input, actor.id);
    profile.normalise();
    let mut errors = profile.check(now.date_naive());

    let tx = begin_write(db).await?;
    check_references(&tx, &profile, None, &mut errors).await?;
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let id = Uuid::now_v7();
    tracing::Span::current().record("customer.id", tracing::field::display(id));
    let mut model = customers::ActiveModel {
        id: Set(id),
        churned_at: Set(churned_at(None, profile.status, now)),
        last_contacted_at: Set(None),
        last_inbound_at: Set(None),
        last_outbound_at: Set(None),
        lifetime_value_minor: Set(0),
        lifetime_value_currency: Set(None),
        purchase_count: Set(0),
        last_purchase_at: Set(None),
        next_touchpoint_due_at: Set(None),
        overdue_touchpoints: Set(0),
        open_complaints: Set(0),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        ..Default::default()
    };
    write_profile(&mut model, &profile);
    store::customers::insert(&tx, model).await?;
    history::record(
        &tx,
        id,
        history::changes(None, &profile),
        Some(actor.id),
        now,
    )
    .await?;
    store::customers::replace_tags(&tx, id, &profile.tags).await?;
    let created = load(&tx, id, CustomerScope::All).await?;
    tx.commit().await?;
    Ok(created)
}

/// The customer, if the actor may see it; 404 otherwise, so existence does not leak.
pub async fn visible_customer<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<customers::Model> {
    store::customers::find_visible(db, id, actor.customer_scope())
        .await?
        .ok_or_else(|| ApiError::not_found("customer"))
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> ApiResult<Customer> {
    load(db, id, actor.customer_scope()).await
}

#[tracing::instrument(skip_all, fields(customer.id = %id))]
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    patch: CustomerPatch,
    now: DateTime<Utc>,
) -> ApiResult<Customer> {
    let tx = begin_write(db).await?;
    let current = store::customers::find_visible(&tx, id, actor.customer_scope())
        .await?
        .ok_or_else(|| ApiError::not_found("customer"))?;
    actor.ensure_can_write()?;
    if patch.owner_id.is_some_and(|o| o != current.owner_id)
        && !matches!(actor.role, Role::Admin | Role::Manager)
    {
        return Err(ApiError::Forbidden(
            "only managers and admins reassign customers".into(),
        ));
    }

    let tags = store::customers::tags_of(&tx, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let before = profile_of(&current, tags);
    let mut profile = before.clone();
    profile.apply(patch);
    profile.normalise();
    let mut errors = profile.check(now.date_naive());
    check_references(&tx, &profile, Some(id), &mut errors).await?;
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    // Checked after the body, so an invalid change is reported as such whatever its version.
    precondition.check(current.version)?;
    if profile == before {
        // Nothing changes, so neither does the version.
        let unchanged = load(&tx, id, CustomerScope::All).await?;
        tx.commit().await?;
        return Ok(unchanged);
    }
    let mut model = customers::ActiveModel {
        churned_at: Set(churned_at(
            Some((before.status, current.churned_at)),
            profile.status,
            now,
        )),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    write_profile(&mut model, &profile);
    store::customers::update_if_version(&tx, id, current.version, model).await?;
    history::record(
        &tx,
        id,
        history::changes(Some(&before), &profile),
        Some(actor.id),
        now,
    )
    .await?;
    if profile.owner_id != before.owner_id {
        ownership::record_handoff(
            &tx,
            id,
            before.owner_id,
            profile.owner_id,
            actor.id,
            None,
            now,
        )
        .await?;
    }
    if profile.tags != before.tags {
        store::customers::replace_tags(&tx, id, &profile.tags).await?;
    }
    let updated = load(&tx, id, CustomerScope::All).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Soft delete: the row stays for history and reports, and disappears from the API.
#[tracing::instrument(skip_all, fields(customer.id = %id))]
pub async fn delete(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let tx = begin_write(db).await?;
    let current = store::customers::find_visible(&tx, id, actor.customer_scope())
        .await?
        .ok_or_else(|| ApiError::not_found("customer"))?;
    actor.ensure_can_write()?;
    precondition.check(current.version)?;
    let model = customers::ActiveModel {
        deleted_at: Set(Some(now)),
        version: Set(current.version + 1),
        updated_at: Set(now),
        ..Default::default()
    };
    store::customers::update_if_version(&tx, id, current.version, model).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    q: CustomerListQuery,
    now: DateTime<Utc>,
) -> ApiResult<Page<Customer>> {
    let limit = limit(q.limit)?;
    let sort = q.sort.unwrap_or(CustomerSort::CreatedDesc);
    let cursor = q
        .cursor
        .as_deref()
        .map(decode_cursor::<Cursor>)
        .transpose()?;
    if cursor.as_ref().is_some_and(|c| c.s != sort) {
        return Err(ApiError::invalid(
            "cursor",
            "was made for another sort order",
        ));
    }
    let birthday_keys = match q.birthday_within_days {
        None => None,
        Some(days @ 0..=366) => Some(birthday::keys_within(
            now.date_naive(),
            u32::try_from(days).unwrap_or(0),
        )),
        Some(_) => {
            return Err(ApiError::invalid(
                "birthday_within_days",
                "must be between 0 and 366",
            ));
        }
    };
    let filter = CustomerFilter {
        owner_id: q.owner_id,
        tier: q.tier.map(Tier::as_str),
        lifecycle_stage: q.lifecycle_stage.map(LifecycleStage::as_str),
        status: q.status.map(CustomerStatus::as_str),
        tag: q.tag.map(|t| t.trim().to_string()),
        industry: q.industry,
        q: q.q
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string()),
        last_contacted_before: q.last_contacted_before,
        birthday_keys,
        segment: match q.segment_id {
            Some(id) => Some(crate::domain::segment::ops::membership_of(db, id, now).await?),
            None => None,
        },
    };
    let (rows, more) = store::customers::list(
        db,
        actor.customer_scope(),
        &filter,
        sort,
        cursor.as_ref(),
        limit,
    )
    .await?;
    let next_cursor = if more {
        rows.last().map(|m| {
            encode_cursor(&Cursor {
                s: sort,
                v: store::customers::sort_key(sort, m),
                id: m.id,
            })
        })
    } else {
        None
    };
    Ok(Page {
        items: page_items(db, rows).await?,
        next_cursor,
    })
}

/// Customers as the API shows them, with their tags fetched in one query.
pub async fn page_items(
    db: &DatabaseConnection,
    rows: Vec<customers::Model>,
) -> ApiResult<Vec<Customer>> {
    let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
    let mut tags = store::customers::tags_of(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let t = tags.remove(&m.id).unwrap_or_default();
            to_dto(m, t)
        })
        .collect())
}
