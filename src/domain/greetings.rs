//! Birthdays and important dates: each year (once, for a one-off date), once the day comes
//! within the horizon,
//! the customer's owner gets a touchpoint due at the start of the customer's contact window
//! that day. The scheduler pass finds candidates through month-day indexes (cost follows what
//! is coming up, not the number of customers), and the occurrence key (`birthday:{customer}:
//! {year}`) makes a second pass, or a pass on another replica, create nothing more.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::customers;
use sea_orm::{DatabaseConnection, DatabaseTransaction, Set};
use uuid::Uuid;

use crate::db::begin_write;
use crate::domain::cadence::plan::yearly_within;
use crate::domain::consent::{self, Contact};
use crate::domain::customer::birthday;
use crate::domain::customer::records;
use crate::domain::schedule::reach_of;
use crate::domain::touchpoint::row::{NewTouchpoint, announce, id_of};
use crate::model::cadence::Purpose;
use crate::model::customer::{Channel, CustomerStatus, ImportantDate};
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::CustomerScope;
use crate::model::touchpoint::{Source, Status};
use crate::store;

/// How far ahead yearly dates are scheduled.
pub const HORIZON_DAYS: u32 = 30;

/// Customers read per query while looking for dates coming up.
const BATCH: u64 = 500;

/// One yearly touchpoint a customer is owed.
#[derive(Debug, Clone, PartialEq)]
pub struct Greeting {
    pub key: String,
    pub due_at: DateTime<Utc>,
    pub purpose: Purpose,
    pub source: Source,
    pub title: String,
}

/// The greetings `customer` is owed whose day (in the customer's timezone) lies between today
/// and `horizon_days` from now.
pub fn owed(
    customer: &customers::Model,
    now: DateTime<Utc>,
    horizon_days: u32,
) -> DomainResult<Vec<Greeting>> {
    let reach = reach_of(customer)?;
    let today = now.with_timezone(&reach.tz).date_naive();
    let mut owed = Vec::new();
    if let Some(born) = customer.birthday {
        for (day, due_at) in yearly_within(born, today, horizon_days, &reach) {
            owed.push(Greeting {
                key: format!("birthday:{}:{}", customer.id, day.year()),
                due_at,
                purpose: Purpose::Birthday,
                source: Source::Birthday,
                title: "Birthday greeting".into(),
            });
        }
    }
    let dates: Vec<ImportantDate> =
        serde_json::from_value(customer.important_dates.clone()).map_err(DomainError::internal)?;
    for date in &dates {
        // A one-off date is greeted on the day itself, once; a recurring one every year.
        let days = yearly_within(date.date, today, horizon_days, &reach)
            .into_iter()
            .filter(|(day, _)| date.recurring || *day == date.date);
        for (day, due_at) in days {
            owed.push(Greeting {
                key: important_date_key(customer.id, date.date, day.year()),
                due_at,
                purpose: Purpose::ImportantDate,
                source: Source::ImportantDate,
                title: date.label.clone(),
            });
        }
    }
    Ok(owed)
}

/// Keyed by the date, not its label: relabelling a date does not greet twice.
fn important_date_key(customer: Uuid, date: NaiveDate, year: i32) -> String {
    format!("important_date:{customer}:{date}:{year}")
}

/// Schedules every greeting coming within `horizon_days` that does not exist yet; returns how
/// many touchpoints it created.
#[tracing::instrument(skip(db))]
pub async fn schedule_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    horizon_days: u32,
) -> DomainResult<u64> {
    // A customer's local date is within a day of the UTC date, so one day either side finds
    // every candidate; `owed` then decides exactly, in the customer's timezone.
    let month_days = birthday::keys_within(now.date_naive() - Duration::days(1), horizon_days + 2);
    let mut after = None;
    let mut created = 0;
    loop {
        let items = store::customers::with_yearly_dates(db, &month_days, after, BATCH).await?;
        let mut owed_by = Vec::with_capacity(items.len());
        for customer in &items {
            let greetings = owed(customer, now, horizon_days)?;
            if !greetings.is_empty() {
                owed_by.push((customer.id, greetings));
            }
        }
        let keys: Vec<String> = owed_by
            .iter()
            .flat_map(|(_, gs)| gs.iter().map(|g| g.key.clone()))
            .collect();
        let existing: HashSet<String> = store::touchpoints::existing_keys(db, &keys).await?;
        for (customer, greetings) in owed_by {
            if greetings.iter().any(|g| !existing.contains(&g.key)) {
                created += schedule_for(db, customer, now, horizon_days).await?;
            }
        }
        match items.last() {
            Some(last) if items.len() as u64 == BATCH => after = Some(last.id),
            _ => return Ok(created),
        }
    }
}

/// Writes one customer's missing greetings with the customer locked, reading the row again so
/// the owner and dates are the current ones.
async fn schedule_for(
    db: &DatabaseConnection,
    customer_id: Uuid,
    now: DateTime<Utc>,
    horizon_days: u32,
) -> DomainResult<u64> {
    let tx = begin_write(db).await?;
    let Some(customer) =
        store::customers::lock_visible(&tx, customer_id, crate::model::role::CustomerScope::All)
            .await?
    else {
        return Ok(0);
    };
    let created = plan_for(&tx, &customer, now, horizon_days).await?;
    tx.commit().await?;
    Ok(created)
}

/// Why an open greeting was cancelled when its date was corrected.
pub const DATE_CHANGED_REASON: &str = "the date changed";

/// A customer's birthday or important dates changed (the customer locked and written): the
/// open greetings are cancelled, their occurrences freed, and the greetings the new dates
/// are owed within the horizon planned at once. A greeting already done stays done, so a
/// date corrected within the year is not greeted twice.
pub async fn replan(
    tx: &DatabaseTransaction,
    customer_id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let open = store::touchpoints::open_from(tx, customer_id, &GREETINGS).await?;
    store::touchpoints::release_many(tx, &open, DATE_CHANGED_REASON, now).await?;
    announce(tx, None, &open, now).await?;
    let created = match store::customers::find_visible(tx, customer_id, CustomerScope::All).await? {
        Some(customer) if customer.status == CustomerStatus::Active.as_str() => {
            plan_for(tx, &customer, now, HORIZON_DAYS).await?
        }
        _ => 0,
    };
    records::refresh_derived(tx, customer_id).await?;
    Ok(created)
}

/// The sources of greetings.
const GREETINGS: [Source; 2] = [Source::Birthday, Source::ImportantDate];

/// Inserts the greetings `customer` is owed that do not exist yet; returns how many.
async fn plan_for(
    tx: &DatabaseTransaction,
    customer: &customers::Model,
    now: DateTime<Utc>,
    horizon_days: u32,
) -> DomainResult<u64> {
    let channel = customer
        .preferred_channel
        .as_deref()
        .and_then(Channel::from_name)
        .unwrap_or(Channel::Phone);
    let (channel, refused) = match consent::contact(customer, channel)? {
        Contact::Never => return Ok(0),
        Contact::Via(channel) => (channel, None),
        Contact::Refused(channel) => (channel, Some(consent::no_consent_reason(channel))),
    };
    let mut created = 0;
    for g in owed(customer, now, horizon_days)? {
        let mut row = NewTouchpoint {
            customer_id: customer.id,
            assignee_id: customer.owner_id,
            due_at: g.due_at,
            channel,
            purpose: g.purpose,
            title: g.title,
            notes: None,
            source: g.source,
        }
        .row(now);
        if let Some(reason) = &refused {
            row.status = Set(Status::Skipped.as_str().into());
            row.skip_reason = Set(Some(reason.clone()));
        }
        row.occurrence_key = Set(Some(g.key));
        let id = id_of(&row);
        if store::touchpoints::insert_generated(tx, row).await? {
            created += 1;
            announce(tx, None, id.as_slice(), now).await?;
        }
    }
    if created > 0 {
        records::refresh_derived(tx, customer.id).await?;
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(birthday: Option<&str>, dates: serde_json::Value, tz: &str) -> customers::Model {
        let now: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
        customers::Model {
            id: Uuid::nil(),
            name: "Ada".into(),
            company: None,
            gender: None,
            birthday: birthday.map(|b| b.parse().unwrap()),
            birthday_mmdd: None,
            email: None,
            phone: None,
            phone_e164: None,
            industry: None,
            occupation: None,
            position: None,
            city: None,
            country: None,
            timezone: tz.into(),
            preferred_channel: None,
            contact_window: None,
            source_channel: None,
            referred_by_id: None,
            tier: "general".into(),
            lifecycle_stage: "customer".into(),
            sales_stage: "closed".into(),
            status: "active".into(),
            churn_reason: None,
            churned_at: None,
            owner_id: Uuid::nil(),
            needs: None,
            pain_points: None,
            preferences: None,
            personality: None,
            notes: None,
            attributes: serde_json::json!({}),
            important_dates: dates,
            last_contacted_at: None,
            last_inbound_at: None,
            last_outbound_at: None,
            lifetime_value_minor: 0,
            lifetime_value_currency: None,
            purchase_count: 0,
            last_purchase_at: None,
            next_touchpoint_due_at: None,
            open_complaints: 0,
            version: 1,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            consent: serde_json::json!({}),
            do_not_contact: false,
            erased_at: None,
            erasure_reason: None,
            company_key: None,
            city_key: None,
            merged_into: None,
            merged_at: None,
            duplicates_checked_at: None,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_birthday_within_the_horizon_is_owed_once_at_nine_local() {
        let c = customer(Some("1990-03-10"), serde_json::json!([]), "Europe/Berlin");
        let greetings = owed(&c, at("2026-02-20T12:00:00Z"), 30).unwrap();
        assert_eq!(greetings.len(), 1);
        assert_eq!(greetings[0].key, format!("birthday:{}:2026", Uuid::nil()));
        // 09:00 in Berlin (UTC+1 in March before the change).
        assert_eq!(greetings[0].due_at, at("2026-03-10T08:00:00Z"));
        assert!(owed(&c, at("2026-02-01T12:00:00Z"), 30).unwrap().is_empty());
    }

    #[test]
    fn the_customers_own_date_decides_near_midnight() {
        // 23:30 UTC on 9 March is already 10 March in Tokyo: the birthday is today there.
        let c = customer(Some("1990-03-10"), serde_json::json!([]), "Asia/Tokyo");
        let greetings = owed(&c, at("2026-03-09T23:30:00Z"), 0).unwrap();
        assert_eq!(greetings.len(), 1);
        assert_eq!(greetings[0].due_at, at("2026-03-10T00:00:00Z"));
    }

    #[test]
    fn recurring_important_dates_are_owed_and_one_offs_are_not() {
        let c = customer(
            None,
            serde_json::json!([
                {"label": "Wedding anniversary", "date": "2016-02-29", "recurring": true},
                {"label": "Store opening", "date": "2026-02-27", "recurring": false}
            ]),
            "UTC",
        );
        let greetings = owed(&c, at("2027-02-20T00:00:00Z"), 30).unwrap();
        assert_eq!(greetings.len(), 1);
        assert_eq!(greetings[0].title, "Wedding anniversary");
        assert_eq!(greetings[0].due_at, at("2027-02-28T09:00:00Z"));
        assert_eq!(greetings[0].source, Source::ImportantDate);
    }
}
