//! A customer's timeline: interactions, purchases, hand-offs, touchpoints (at their due
//! time) and complaints (when received) merged newest first, with one keyset cursor across
//! kinds. Each kind is read with the same cursor and the pages are
//! merged, so no kind is ever loaded whole.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::guard::visible_customer;
use crate::domain::page::keyset;
use crate::dto::page::{Page, PageQuery};
use crate::dto::relationship::{TimelineItem, TimelineKind, TimelineRecord};
use crate::model::error::DomainResult;
use crate::model::role::{Actor, CustomerScope};
use crate::store;
use crate::store::interactions::InteractionFilter;
use crate::store::page::Rows;

/// Items are ordered by (at, kind, id), all descending.
#[derive(Debug, Serialize, Deserialize)]
struct Cursor {
    #[serde(deserialize_with = "crate::dto::time::deserialize_instant")]
    at: DateTime<Utc>,
    kind: TimelineKind,
    id: Uuid,
}

/// The bound a kind's query starts below, given the cursor: rows of a kind that sorts after
/// the cursor's kind at the same instant have all been shown, rows of one before it not yet.
fn bound(cursor: &Option<Cursor>, kind: TimelineKind) -> (Option<(DateTime<Utc>, Uuid)>, bool) {
    match cursor {
        None => (None, false),
        Some(c) if kind == c.kind => (Some((c.at, c.id)), false),
        Some(c) if kind < c.kind => (Some((c.at, c.id)), true),
        Some(c) => (Some((c.at, Uuid::nil())), false),
    }
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %customer_id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<Page<TimelineItem>> {
    visible_customer(db, actor, customer_id).await?;
    let page = page.request::<Cursor>()?;
    let cursor = page.after;
    let limit = page.limit;

    let mut items: Vec<Entry> = Vec::new();
    let mut more = false;
    let filter = InteractionFilter {
        customer_id: Some(customer_id),
        ..Default::default()
    };
    let (before, whole) = bound(&cursor, TimelineKind::Interaction);
    let rows =
        store::interactions::list(db, CustomerScope::All, &filter, before, whole, limit).await?;
    more |= rows.more;
    for r in rows.items {
        items.push(Entry {
            at: r.occurred_at,
            kind: TimelineKind::Interaction,
            id: r.id,
            record: TimelineRecord::Interaction(r.try_into()?),
        });
    }

    let (before, whole) = bound(&cursor, TimelineKind::Purchase);
    let rows = store::page::newest_of_customer(
        db,
        store::purchases::NEWEST,
        customer_id,
        before,
        whole,
        limit,
    )
    .await?;
    more |= rows.more;
    items.extend(rows.items.into_iter().map(|r| Entry {
        at: r.occurred_at,
        kind: TimelineKind::Purchase,
        id: r.id,
        record: TimelineRecord::Purchase(r.into()),
    }));

    let (before, whole) = bound(&cursor, TimelineKind::Handoff);
    let rows = store::history::handoffs(db, customer_id, before, whole, limit).await?;
    more |= rows.more;
    for r in rows.items {
        items.push(Entry {
            at: r.at,
            kind: TimelineKind::Handoff,
            id: r.id,
            record: TimelineRecord::Handoff(r.try_into()?),
        });
    }

    let (before, whole) = bound(&cursor, TimelineKind::Touchpoint);
    let rows = store::page::newest_of_customer(
        db,
        store::touchpoints::BY_DUE,
        customer_id,
        before,
        whole,
        limit,
    )
    .await?;
    more |= rows.more;
    for r in rows.items {
        items.push(Entry {
            at: r.due_at,
            kind: TimelineKind::Touchpoint,
            id: r.id,
            record: TimelineRecord::Touchpoint(crate::domain::touchpoint::row::to_dto(r, now)?),
        });
    }

    let (before, whole) = bound(&cursor, TimelineKind::Complaint);
    let rows = store::page::newest_of_customer(
        db,
        store::complaints::BY_RECEIPT,
        customer_id,
        before,
        whole,
        limit,
    )
    .await?;
    more |= rows.more;
    for r in rows.items {
        items.push(Entry {
            at: r.received_at,
            kind: TimelineKind::Complaint,
            id: r.id,
            record: TimelineRecord::Complaint(crate::domain::complaint::row::to_dto(r, now)?),
        });
    }

    items.sort_by_key(|e| std::cmp::Reverse((e.at, e.kind, e.id)));
    // Each kind returned at most `limit` rows and said whether it had more.
    let mut merged = Rows::cut(items, limit);
    merged.more |= more;
    Ok(keyset(merged, |e| Cursor {
        at: e.at,
        kind: e.kind,
        id: e.id,
    })
    .map(|e| TimelineItem {
        kind: e.kind,
        at: e.at,
        record: e.record,
        customer: None,
    }))
}

struct Entry {
    at: DateTime<Utc>,
    kind: TimelineKind,
    id: Uuid,
    record: TimelineRecord,
}
