//! The hand-over of open complaints when their holder changes (a customer handed off, a
//! user deactivated), inside the caller's write.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use super::events::{self, Event};
use super::row::instant;
use crate::model::complaint::ComplaintEventKind;
use crate::model::error::DomainResult;
use crate::model::role::ActorRef;
use crate::store;

/// Moves the complaints `from` holds that are not closed (of one customer, or all of them)
/// to `to`, recording each assignment: a resolved complaint may still be reopened by its
/// follow-up, and must then reach whoever holds the customer now. Returns how many moved.
pub async fn hand_over<C: ConnectionTrait>(
    db: &C,
    customer_id: Option<Uuid>,
    from: Uuid,
    to: Uuid,
    by: ActorRef,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let now = instant(now);
    let held = store::complaints::unclosed_held_by(db, customer_id, from).await?;
    let ids: Vec<Uuid> = held.iter().map(|c| c.id).collect();
    store::complaints::reassign(db, &ids, to, now).await?;
    for id in &ids {
        let moved = Event::new(ComplaintEventKind::Assignment, Some(by))
            .details(json!({"from_assignee_id": from, "to_assignee_id": to}))
            .note(Some("open work handed over".into()));
        events::append(db, *id, vec![moved], now).await?;
    }
    Ok(ids.len() as u64)
}

/// How many complaints `user` holds that are not closed.
pub async fn open_held<C: ConnectionTrait>(db: &C, user: Uuid) -> DomainResult<usize> {
    Ok(store::complaints::unclosed_held_by(db, None, user)
        .await?
        .len())
}
