//! Relationships at risk: customers nobody has been in touch with, and customers lost.

use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;

use super::{ensure_reader, period};
use crate::domain::customer::listing;
use crate::dto::customer::CustomerListQuery;
use crate::dto::page::PageQuery;
use crate::dto::report::{
    ChurnReport, Count, NeglectedQuery, NeglectedReport, OwnerCount, PeriodQuery,
};
use crate::model::customer::CustomerStatus;
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::Actor;
use crate::model::sort::CustomerSort;
use crate::store::reports::customers::{self as store, ChurnGroup};

/// Most groups a churn breakdown lists (reasons are free text).
const MAX_GROUPS: u64 = 100;

fn counted(rows: Vec<(Option<String>, i64)>) -> Vec<Count> {
    rows.into_iter()
        .map(|(key, count)| Count { key, count })
        .collect()
}

/// `GET /reports/neglected`: active customers without an interaction for `days` (or
/// never), counted by tier and owner, listed most valuable first.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn neglected(
    db: &DatabaseConnection,
    actor: &Actor,
    q: NeglectedQuery,
    page: PageQuery,
    now: DateTime<Utc>,
) -> DomainResult<NeglectedReport> {
    ensure_reader(actor)?;
    let days = match q.days {
        None => 90,
        Some(d @ 1..=3650) => d,
        Some(_) => {
            return Err(DomainError::invalid(
                "days",
                FieldCode::OutOfRange,
                "must be between 1 and 3650",
            ));
        }
    };
    let since = now - Duration::days(days);
    let by_tier = counted(store::neglected_by_tier(db, since).await?);
    let by_owner = store::neglected_by_owner(db, since)
        .await?
        .into_iter()
        .map(|(owner_id, count)| OwnerCount { owner_id, count })
        .collect();
    let customers = listing::page_of(
        db,
        actor,
        CustomerListQuery {
            status: Some(CustomerStatus::Active),
            last_contacted_before: Some(since),
            sort: Some(CustomerSort::ValueDesc),
            ..Default::default()
        },
        None,
        page,
        now,
    )
    .await?;
    Ok(NeglectedReport {
        days,
        since,
        total: by_tier.iter().map(|c| c.count).sum(),
        by_tier,
        by_owner,
        items: customers.items,
        next_cursor: customers.next_cursor,
    })
}

/// `GET /reports/churn`: customers lost in the period (the last 12 months unless given), by
/// reason, tier and month.
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn churn(
    db: &DatabaseConnection,
    actor: &Actor,
    q: PeriodQuery,
    now: DateTime<Utc>,
) -> DomainResult<ChurnReport> {
    ensure_reader(actor)?;
    let period = period(q.from, q.to, Some(Duration::days(365)), now)?;
    let by_tier = counted(store::churned_by(db, period, ChurnGroup::Tier, MAX_GROUPS).await?);
    Ok(ChurnReport {
        from: period.from.unwrap_or(period.to),
        to: period.to,
        total: by_tier.iter().map(|c| c.count).sum(),
        by_reason: counted(store::churned_by(db, period, ChurnGroup::Reason, MAX_GROUPS).await?),
        by_tier,
        by_month: counted(store::churned_by(db, period, ChurnGroup::Month, 1200).await?),
    })
}
