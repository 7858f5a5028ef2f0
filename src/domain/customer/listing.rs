//! Listing customers, for every screen that pages through them (the customers list, a
//! segment's members, the neglected-customers report): filters translated for the store, sort
//! keys carried in the cursor, and customers shown with their tags.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::customers;
use sea_orm::{Condition, DatabaseConnection};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::birthday;
use super::convert::to_dto;
use crate::domain::page::keyset;
use crate::domain::segment::membership;
use crate::dto::customer::{Customer, CustomerListQuery};
use crate::dto::page::{Page, PageQuery};
use crate::dto::time;
use crate::model::consent::ConsentState;
use crate::model::customer::Channel;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::model::segment::{FIELDS, Field, Op, Operand, Rule, Scalar};
use crate::model::sort::CustomerSort;
use crate::store;
use crate::store::customers::{After, CustomerFilter};
use crate::store::page::Rows;

/// The position after the last row of a page, for the sort it was made for.
#[derive(Debug, Serialize, Deserialize)]
struct Cursor {
    s: CustomerSort,
    /// The sort key of the last row (null for a customer never contacted).
    v: Option<String>,
    id: Uuid,
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
/// A page of the customers the query selects; `segment`, when given, is the membership of
/// a segment the caller has read already (the query's `segment_id` is then not read again).
pub async fn page_of(
    db: &DatabaseConnection,
    actor: &Actor,
    q: CustomerListQuery,
    segment: Option<Condition>,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<Customer>> {
    let page = page.request::<Cursor>()?;
    let sort = q.sort.unwrap_or(CustomerSort::CreatedDesc);
    let after = match page.after {
        Some(c) if c.s != sort => {
            return Err(DomainError::invalid(
                "cursor",
                FieldCode::Conflict,
                "was made for another sort order",
            ));
        }
        Some(c) => Some(After {
            key: c.v.as_deref().map(|raw| key_value(sort, raw)).transpose()?,
            id: c.id,
        }),
        None => None,
    };
    let mut filter = filter_of(db, q, now).await?;
    if segment.is_some() {
        filter.segment = segment;
    }
    let rows = store::customers::list(
        db,
        actor.customer_scope(),
        &filter,
        sort,
        after.as_ref(),
        page.limit,
        now,
    )
    .await?;
    let ids: Vec<Uuid> = rows.items.iter().map(|m| m.id).collect();
    let extras = store::customers::shown_extras(db, &ids, now).await?;
    let page = keyset(rows, |m| Cursor {
        s: sort,
        v: sort_key(
            sort,
            m,
            extras.get(&m.id).map_or(0, |(_, overdue)| *overdue),
        ),
        id: m.id,
    });
    let items = with_extras(page.items, extras)?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

/// The first page of the newest customers the filter matches, and how many match in all.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn count_and_first_page(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: &CustomerFilter,
    now: DateTime<Utc>,
) -> DomainResult<(u64, Vec<Customer>)> {
    let count = store::customers::count(db, actor.customer_scope(), filter).await?;
    let Rows { items, .. } = store::customers::list(
        db,
        actor.customer_scope(),
        filter,
        CustomerSort::CreatedDesc,
        None,
        crate::dto::page::DEFAULT_LIMIT,
        now,
    )
    .await?;
    Ok((count, shown(db, items, now).await?))
}

/// The store's filter for the list's query parameters (the segment's membership resolved).
pub async fn filter_of(
    db: &DatabaseConnection,
    q: CustomerListQuery,
    now: DateTime<Utc>,
) -> DomainResult<CustomerFilter> {
    let birthday_keys = match q.birthday_within_days {
        None => None,
        Some(days @ 0..=366) => Some(birthday::keys_within(
            now.date_naive(),
            u32::try_from(days).unwrap_or(0),
        )),
        Some(_) => {
            return Err(DomainError::invalid(
                "birthday_within_days",
                FieldCode::OutOfRange,
                "must be between 0 and 366",
            ));
        }
    };
    Ok(CustomerFilter {
        owner_id: q.owner_id,
        tier: q.tier.map(|t| t.as_str()),
        lifecycle_stage: q.lifecycle_stage.map(|s| s.as_str()),
        status: q.status.map(|s| s.as_str()),
        tag: q.tag.map(|t| t.trim().to_string()),
        industry: q.industry,
        q: q.q
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string()),
        last_contacted_before: q.last_contacted_before,
        birthday_keys,
        next_touchpoint_due_before: q.next_touchpoint_due_before,
        overdue_touchpoints_min: match q.overdue_touchpoints_min {
            None => None,
            Some(min @ 0..=10_000) => Some((min, now)),
            Some(_) => {
                return Err(DomainError::invalid(
                    "overdue_touchpoints_min",
                    FieldCode::OutOfRange,
                    "must be between 0 and 10000",
                ));
            }
        },
        open_complaints_min: match q.open_complaints_min {
            None => None,
            Some(min @ 0..=10_000) => Some(min),
            Some(_) => {
                return Err(DomainError::invalid(
                    "open_complaints_min",
                    FieldCode::OutOfRange,
                    "must be between 0 and 10000",
                ));
            }
        },
        consent: consent_condition(
            q.consent_granted,
            q.consent_refused,
            q.do_not_contact,
            db.get_database_backend(),
            now,
        ),
        segment: match q.segment_id {
            Some(id) => Some(membership::membership_of(db, id, now).await?),
            None => None,
        },
    })
}

/// The consent filters of the list, as the segment rules would state them.
fn consent_condition(
    granted: Option<Channel>,
    refused: Option<Channel>,
    do_not_contact: Option<bool>,
    backend: sea_orm::DbBackend,
    now: DateTime<Utc>,
) -> Option<Condition> {
    let state = |channel: Channel, state: ConsentState| Rule::Condition {
        field: Field::Consent(channel),
        op: Op::Eq,
        operand: Operand::One(Scalar::Text(state.as_str().into())),
    };
    let mut rules = Vec::new();
    if let Some(channel) = granted {
        rules.push(state(channel, ConsentState::Granted));
    }
    if let Some(channel) = refused {
        rules.push(state(channel, ConsentState::Refused));
    }
    if let Some(flag) = do_not_contact {
        let column = FIELDS.iter().find(|f| f.name == "do_not_contact")?;
        rules.push(Rule::Condition {
            field: Field::Column(column),
            op: Op::Eq,
            operand: Operand::One(Scalar::Bool(flag)),
        });
    }
    (!rules.is_empty())
        .then(|| crate::domain::segment::sql::condition(&Rule::All(rules), backend, now))
}

/// Customers as the API shows them, with their tags and overdue counts (one query for all).
#[tracing::instrument(skip_all)]
pub async fn shown<C: sea_orm::ConnectionTrait>(
    db: &C,
    rows: Vec<customers::Model>,
    now: DateTime<Utc>,
) -> DomainResult<Vec<Customer>> {
    let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
    let extras = store::customers::shown_extras(db, &ids, now).await?;
    with_extras(rows, extras)
}

fn with_extras(
    rows: Vec<customers::Model>,
    mut extras: HashMap<Uuid, (Vec<String>, i64)>,
) -> DomainResult<Vec<Customer>> {
    rows.into_iter()
        .map(|m| {
            let (tags, overdue) = extras.remove(&m.id).unwrap_or_default();
            to_dto(m, tags, overdue)
        })
        .collect()
}

/// The sort key of a row, as a cursor carries it.
fn sort_key(sort: CustomerSort, m: &customers::Model, overdue: i64) -> Option<String> {
    use CustomerSort::*;
    match sort {
        NextTouchpointAsc | NextTouchpointDesc => m.next_touchpoint_due_at.map(|t| t.to_rfc3339()),
        OverdueAsc | OverdueDesc => Some(overdue.to_string()),
        OpenComplaintsAsc | OpenComplaintsDesc => Some(m.open_complaints.to_string()),
        NameAsc | NameDesc => Some(m.name.clone()),
        CreatedAsc | CreatedDesc => Some(m.created_at.to_rfc3339()),
        UpdatedAsc | UpdatedDesc => Some(m.updated_at.to_rfc3339()),
        LastContactedAsc | LastContactedDesc => m.last_contacted_at.map(|t| t.to_rfc3339()),
        ValueAsc | ValueDesc => Some(m.lifetime_value_minor.to_string()),
        PurchasesAsc | PurchasesDesc => Some(m.purchase_count.to_string()),
        LastPurchaseAsc | LastPurchaseDesc => m.last_purchase_at.map(|t| t.to_rfc3339()),
    }
}

/// A cursor's sort key read back as the column's type.
fn key_value(sort: CustomerSort, raw: &str) -> DomainResult<sea_orm::Value> {
    let bad = || {
        DomainError::invalid(
            "cursor",
            FieldCode::InvalidFormat,
            "is not a cursor returned by this list",
        )
    };
    use CustomerSort::*;
    Ok(match sort {
        NameAsc | NameDesc if raw.contains('\0') => return Err(bad()),
        NameAsc | NameDesc => raw.to_string().into(),
        ValueAsc | ValueDesc => raw.parse::<i64>().map_err(|_| bad())?.into(),
        PurchasesAsc | PurchasesDesc | OpenComplaintsAsc | OpenComplaintsDesc => {
            raw.parse::<i32>().map_err(|_| bad())?.into()
        }
        OverdueAsc | OverdueDesc => raw.parse::<i64>().map_err(|_| bad())?.into(),
        _ => DateTime::parse_from_rfc3339(raw)
            .map(|t| t.with_timezone(&Utc))
            .ok()
            .filter(time::instant_in_range)
            .ok_or_else(bad)?
            .into(),
    })
}
