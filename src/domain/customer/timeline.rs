//! A customer's timeline: interactions, purchases and hand-offs merged newest first, with
//! one keyset cursor across kinds. Each kind is read with the same cursor and the pages are
//! merged, so no kind is ever loaded whole.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ops::visible_customer;
use crate::domain::role::{Actor, CustomerScope};
use crate::dto::page::{Page, decode_cursor, encode_cursor, limit};
use crate::dto::relationship::{PageQuery, TimelineItem, TimelineKind, TimelineRecord};
use crate::error::ApiResult;
use crate::store;
use crate::store::interactions::InteractionFilter;

/// Items are ordered by (at, kind, id), all descending.
#[derive(Debug, Serialize, Deserialize)]
struct Cursor {
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

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    q: PageQuery,
) -> ApiResult<Page<TimelineItem>> {
    visible_customer(db, actor, customer_id).await?;
    let limit = limit(q.limit)?;
    let cursor = q
        .cursor
        .as_deref()
        .map(decode_cursor::<Cursor>)
        .transpose()?;

    let mut items: Vec<(DateTime<Utc>, TimelineKind, Uuid, TimelineRecord)> = Vec::new();
    let filter = InteractionFilter {
        customer_id: Some(customer_id),
        ..Default::default()
    };
    let (before, whole) = bound(&cursor, TimelineKind::Interaction);
    let (rows, more_interactions) =
        store::interactions::list(db, CustomerScope::All, &filter, before, whole, limit).await?;
    items.extend(rows.into_iter().map(|r| {
        (
            r.occurred_at,
            TimelineKind::Interaction,
            r.id,
            TimelineRecord::Interaction(r.into()),
        )
    }));

    let (before, whole) = bound(&cursor, TimelineKind::Purchase);
    let (rows, more_purchases) =
        store::purchases::list(db, customer_id, before, whole, limit).await?;
    items.extend(rows.into_iter().map(|r| {
        (
            r.occurred_at,
            TimelineKind::Purchase,
            r.id,
            TimelineRecord::Purchase(r.into()),
        )
    }));

    let (before, whole) = bound(&cursor, TimelineKind::Handoff);
    let (rows, more_handoffs) =
        store::history::handoffs(db, customer_id, before, whole, limit).await?;
    items.extend(rows.into_iter().map(|r| {
        (
            r.at,
            TimelineKind::Handoff,
            r.id,
            TimelineRecord::Handoff(r.into()),
        )
    }));

    items.sort_by_key(|item| std::cmp::Reverse((item.0, item.1, item.2)));
    // Each kind returned at most `limit` rows and said whether it had more.
    let more = items.len() > usize::try_from(limit).unwrap_or(usize::MAX)
        || more_interactions
        || more_purchases
        || more_handoffs;
    items.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next_cursor = more
        .then(|| {
            items.last().map(|(at, kind, id, _)| {
                encode_cursor(&Cursor {
                    at: *at,
                    kind: *kind,
                    id: *id,
                })
            })
        })
        .flatten();
    Ok(Page {
        items: items
            .into_iter()
            .map(|(at, kind, _, record)| TimelineItem { kind, at, record })
            .collect(),
        next_cursor,
    })
}
