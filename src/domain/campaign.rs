//! Campaigns: one touchpoint for every member of a segment, each assigned to the customer's
//! owner and moved into the customer's contact window, all in one transaction so a campaign
//! is scheduled whole or not at all.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::cadence::window::place;
use crate::domain::consent;
use crate::domain::customer::records;
use crate::domain::schedule::reach_of;
use crate::domain::segment::membership::membership_for_campaign;
use crate::domain::touchpoint::row::{NewTouchpoint, announce, id_of};
use crate::dto::touchpoint::{CampaignCreate, CampaignResult, LeftOut};
use crate::model::cadence::Purpose;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, FieldError};
use crate::model::role::Actor;
use crate::model::touchpoint::Source;
use crate::store;

#[tracing::instrument(skip_all, fields(actor.id = %actor.id, segment.id = %segment_id))]
pub async fn schedule(
    db: &DatabaseConnection,
    actor: &Actor,
    segment_id: Uuid,
    input: CampaignCreate,
    max_members: u64,
    now: DateTime<Utc>,
) -> DomainResult<CampaignResult> {
    actor.ensure_manager("run campaigns")?;
    if input.title.trim().is_empty() {
        return Err(DomainError::invalid(
            "title",
            FieldCode::Blank,
            "must not be blank",
        ));
    }
    let membership = membership_for_campaign(db, segment_id, now).await?;
    let tx = begin_write(db).await?;
    // Locked, so that a member's next due time is recomputed from every touchpoint it has.
    // The bound keeps one request's transaction, and the locks it holds, short.
    let members = store::customers::lock_matching(&tx, membership, max_members + 1).await?;
    if members.len() as u64 > max_members {
        return Err(DomainError::Validation(vec![FieldError::new(
            "segment_id",
            FieldCode::TooMany,
            format!(
                "the segment has more than {max_members} members; a campaign reaches at most {max_members} (split the audience into smaller segments)"
            ),
        )]));
    }
    let purpose = input.purpose.unwrap_or(Purpose::Custom);
    let title = input.title.trim().to_string();
    let mut rows = Vec::with_capacity(members.len());
    let mut left_out: BTreeMap<String, u64> = BTreeMap::new();
    for customer in &members {
        if consent::against_consent(customer, input.channel)? {
            let reason = if customer.do_not_contact {
                consent::DO_NOT_CONTACT_REASON.to_string()
            } else {
                consent::no_consent_reason(input.channel)
            };
            *left_out.entry(reason).or_default() += 1;
            continue;
        }
        let reach = reach_of(customer)?;
        rows.push(
            NewTouchpoint {
                customer_id: customer.id,
                assignee_id: customer.owner_id,
                due_at: place(input.due_at, reach.tz, reach.window.as_ref()),
                channel: input.channel,
                purpose,
                title: title.clone(),
                notes: input.notes.clone(),
                source: Source::Manual,
            }
            .row(now),
        );
    }
    let created: Vec<Uuid> = rows.iter().filter_map(id_of).collect();
    let scheduled = store::touchpoints::insert_all(&tx, rows).await?;
    announce(&tx, Some(actor.recorded()), &created, now).await?;
    let ids: Vec<Uuid> = members.iter().map(|c| c.id).collect();
    records::refresh_derived_of(&tx, &ids).await?;
    tx.commit().await?;
    Ok(CampaignResult {
        segment_id,
        scheduled,
        left_out: left_out.values().sum(),
        left_out_reasons: left_out
            .into_iter()
            .map(|(reason, count)| LeftOut { reason, count })
            .collect(),
    })
}
