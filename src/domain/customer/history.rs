//! The history of a customer's tier, lifecycle stage, status and owner, so "time in stage"
//! and "who had this customer when" can be answered.

use chrono::{DateTime, Utc};
use entity::customer_history;
use sea_orm::{ConnectionTrait, DatabaseConnection, Set};
use uuid::Uuid;

use super::guard::visible_customer;
use super::rules::Profile;
use crate::domain::page::{TimeCursor, keyset};
use crate::dto::page::{Page, PageQuery};
use crate::dto::relationship::HistoryEntry;
use crate::model::customer::CustomerStatus;
use crate::model::error::DomainResult;
use crate::model::role::{Actor, ActorRef, ActorType};
use crate::store;

#[derive(Debug, PartialEq, Eq)]
pub struct Change {
    pub field: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    /// When it happened, when not at the write itself: a loss recorded late.
    pub at: Option<DateTime<Utc>>,
}

/// The tracked changes from `before` (none for a new customer) to `after`.
pub fn changes(before: Option<&Profile>, after: &Profile) -> Vec<Change> {
    let tracked = |p: &Profile| {
        [
            ("tier", p.tier.as_str().to_string()),
            ("lifecycle_stage", p.lifecycle_stage.as_str().to_string()),
            ("status", p.status.as_str().to_string()),
            ("owner", p.owner_id.to_string()),
        ]
    };
    let old = before.map(tracked);
    tracked(after)
        .into_iter()
        .enumerate()
        .filter_map(|(i, (field, to))| {
            let from = old.as_ref().map(|o| o[i].1.clone());
            let lost = field == "status" && after.status == CustomerStatus::Churned;
            (from.as_deref() != Some(to.as_str())).then(|| Change {
                at: if lost { after.churned_at } else { None },
                field,
                reason: (field == "status" && after.status == CustomerStatus::Churned)
                    .then(|| after.churn_reason.clone())
                    .flatten(),
                from,
                to: Some(to),
            })
        })
        .collect()
}

#[tracing::instrument(skip_all, fields(customer.id = %customer_id))]
pub async fn record<C: ConnectionTrait>(
    db: &C,
    customer_id: Uuid,
    changes: Vec<Change>,
    actor: Option<ActorRef>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    for row in rows(customer_id, changes, actor, now) {
        store::history::insert_change(db, row).await?;
    }
    Ok(())
}

/// The history rows of `changes`, for writing many customers' at once.
pub fn rows(
    customer_id: Uuid,
    changes: Vec<Change>,
    actor: Option<ActorRef>,
    now: DateTime<Utc>,
) -> Vec<customer_history::ActiveModel> {
    changes
        .into_iter()
        .map(|change| customer_history::ActiveModel {
            id: Set(Uuid::now_v7()),
            customer_id: Set(customer_id),
            field: Set(change.field.to_string()),
            from_value: Set(change.from),
            to_value: Set(change.to),
            actor_id: Set(actor.map(|a| a.id)),
            actor_type: Set(actor.map_or(ActorType::System, |a| a.kind).as_str().into()),
            reason: Set(change.reason),
            at: Set(change.at.unwrap_or(now)),
        })
        .collect()
}

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, customer.id = %customer_id))]
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    customer_id: Uuid,
    page: PageQuery,
) -> DomainResult<Page<HistoryEntry>> {
    visible_customer(db, actor, customer_id).await?;
    let page = page.request::<TimeCursor>()?;
    let after = page.after.map(TimeCursor::bound);
    let rows = store::history::changes(db, customer_id, after, page.limit).await?;
    keyset(rows, |r| TimeCursor { at: r.at, id: r.id }).try_map(HistoryEntry::try_from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::customer::CustomerCreate;
    use crate::model::customer::Tier;

    fn profile() -> Profile {
        let create: CustomerCreate =
            serde_json::from_value(serde_json::json!({"name": "Ada"})).unwrap();
        Profile::from_create(create, Uuid::nil())
    }

    #[test]
    fn a_new_customer_records_every_tracked_field() {
        let fields: Vec<_> = changes(None, &profile())
            .into_iter()
            .map(|c| c.field)
            .collect();
        assert_eq!(fields, vec!["tier", "lifecycle_stage", "status", "owner"]);
    }

    #[test]
    fn only_changed_fields_are_recorded_and_churn_keeps_its_reason() {
        let before = profile();
        let mut after = before.clone();
        after.tier = Tier::Key;
        after.status = CustomerStatus::Churned;
        after.churn_reason = Some("price".into());
        after.notes = Some("not tracked".into());
        let recorded = changes(Some(&before), &after);
        assert_eq!(recorded.len(), 2);
        assert_eq!(recorded[0].field, "tier");
        assert_eq!(recorded[0].from.as_deref(), Some("general"));
        assert_eq!(recorded[1].reason.as_deref(), Some("price"));
    }
}
