//! Summaries embedded in lists of records that hang off a customer (`expand`): one batched
//! query for the customers of a whole page, one for its assignees, never one per row, and
//! only customers the caller may see.

use std::collections::HashMap;

use entity::{customers, users};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::convert::profile_of;
use crate::dto::complaint::Complaint;
use crate::dto::expand::{CustomerSummary, Expand, UserSummary};
use crate::dto::interaction::Interaction;
use crate::dto::relationship::{TimelineItem, TimelineRecord};
use crate::dto::touchpoint::Touchpoint;
use crate::model::error::DomainResult;
use crate::model::role::{Actor, Role};
use crate::store;

/// A list item that can carry the summaries of its customer and assignee.
pub trait Embeds {
    fn customer_id(&self) -> Option<Uuid>;
    fn assignee_id(&self) -> Option<Uuid> {
        None
    }
    fn set_customer(&mut self, customer: CustomerSummary);
    fn set_assignee(&mut self, _assignee: UserSummary) {}
}

/// Fills in what `expand` asks for on every item: at most one query for the customers and
/// one for the assignees, whatever the number of items.
pub async fn embed<'a, C, T, I>(db: &C, actor: &Actor, expand: Expand, items: I) -> DomainResult<()>
where
    C: ConnectionTrait,
    T: Embeds + 'a,
    I: IntoIterator<Item = &'a mut T>,
{
    if !expand.any() {
        return Ok(());
    }
    let mut items: Vec<&mut T> = items.into_iter().collect();
    if expand.customer {
        let ids = distinct(items.iter().filter_map(|i| i.customer_id()));
        let found = store::customers::many_visible(db, &ids, actor.customer_scope()).await?;
        let summaries = found
            .into_iter()
            .map(|m| Ok((m.id, summary_of(&m)?)))
            .collect::<DomainResult<HashMap<_, _>>>()?;
        for item in items.iter_mut() {
            if let Some(summary) = item.customer_id().and_then(|id| summaries.get(&id)) {
                item.set_customer(summary.clone());
            }
        }
    }
    if expand.assignee {
        let ids = distinct(items.iter().filter_map(|i| i.assignee_id()));
        let found: HashMap<Uuid, UserSummary> = store::users::many(db, &ids)
            .await?
            .iter()
            .map(|u| Ok((u.id, user_summary(u)?)))
            .collect::<DomainResult<_>>()?;
        for item in items.iter_mut() {
            if let Some(summary) = item.assignee_id().and_then(|id| found.get(&id)) {
                item.set_assignee(summary.clone());
            }
        }
    }
    Ok(())
}

fn distinct(ids: impl Iterator<Item = Uuid>) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

pub fn summary_of(m: &customers::Model) -> DomainResult<CustomerSummary> {
    let p = profile_of(m, Vec::new())?;
    Ok(CustomerSummary {
        id: m.id,
        name: p.name,
        company: p.company,
        tier: p.tier,
        timezone: p.timezone,
        contact_window: p.contact_window,
        preferred_channel: p.preferred_channel,
        email: p.email,
        phone: p.phone,
    })
}

fn user_summary(u: &users::Model) -> DomainResult<UserSummary> {
    Ok(UserSummary {
        id: u.id,
        name: u.name.clone(),
        email: u.email.clone(),
        role: Role::from_stored(&u.role)?,
    })
}

impl Embeds for Touchpoint {
    fn customer_id(&self) -> Option<Uuid> {
        Some(self.customer_id)
    }
    fn assignee_id(&self) -> Option<Uuid> {
        Some(self.assignee_id)
    }
    fn set_customer(&mut self, customer: CustomerSummary) {
        self.customer = Some(customer);
    }
    fn set_assignee(&mut self, assignee: UserSummary) {
        self.assignee = Some(assignee);
    }
}

impl Embeds for Complaint {
    fn customer_id(&self) -> Option<Uuid> {
        Some(self.customer_id)
    }
    fn assignee_id(&self) -> Option<Uuid> {
        Some(self.assignee_id)
    }
    fn set_customer(&mut self, customer: CustomerSummary) {
        self.customer = Some(customer);
    }
    fn set_assignee(&mut self, assignee: UserSummary) {
        self.assignee = Some(assignee);
    }
}

impl Embeds for Interaction {
    fn customer_id(&self) -> Option<Uuid> {
        Some(self.customer_id)
    }
    fn set_customer(&mut self, customer: CustomerSummary) {
        self.customer = Some(customer);
    }
}

/// A timeline's items are all of one customer; the summary sits on the item, beside the
/// record, whatever the record's kind.
impl Embeds for TimelineItem {
    fn customer_id(&self) -> Option<Uuid> {
        Some(match &self.record {
            TimelineRecord::Interaction(r) => r.customer_id,
            TimelineRecord::Purchase(r) => r.customer_id,
            TimelineRecord::Handoff(r) => r.customer_id,
            TimelineRecord::Touchpoint(r) => r.customer_id,
            TimelineRecord::Complaint(r) => r.customer_id,
        })
    }
    fn set_customer(&mut self, customer: CustomerSummary) {
        self.customer = Some(customer);
    }
}
