//! The agenda: a person's overdue touchpoints and those due in the next days, grouped by day
//! in a timezone (by default the person's own).

use chrono::{DateTime, Days, NaiveTime, Utc};
use chrono_tz::Tz;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::domain::cadence::window::resolve_local;
use crate::domain::touchpoint::row::to_dto;
use crate::dto::agenda::{Agenda, AgendaDay, AgendaQuery};
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::model::role::{Actor, CustomerScope, Role};
use crate::model::touchpoint::Status;
use crate::store;
use crate::store::touchpoints::TouchpointFilter;

pub const DEFAULT_DAYS: i64 = 7;
pub const MAX_DAYS: i64 = 90;
/// The most touchpoints one agenda shows; beyond it `truncated` says so.
pub const MAX_ITEMS: u64 = 500;

#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn agenda(
    db: &DatabaseConnection,
    actor: &Actor,
    q: AgendaQuery,
    now: DateTime<Utc>,
) -> DomainResult<Agenda> {
    let days = q.days.unwrap_or(DEFAULT_DAYS);
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(DomainError::invalid(
            "days",
            FieldCode::OutOfRange,
            format!("must be between 1 and {MAX_DAYS}"),
        ));
    }
    let user_id: Uuid = q.user_id.unwrap_or(actor.id);
    if user_id != actor.id {
        actor.ensure_manager("read another user's agenda")?;
    }
    let user = store::users::find(db, user_id)
        .await?
        .ok_or_else(|| DomainError::invalid("user_id", FieldCode::NotFound, "no such user"))?;
    let tz_name = q.tz.unwrap_or(user.timezone);
    let tz: Tz = tz_name.parse().map_err(|_| {
        DomainError::invalid(
            "tz",
            FieldCode::InvalidFormat,
            "must be an IANA timezone name such as Europe/Berlin",
        )
    })?;
    // Whole local days, today included: the window ends at the start of the day after the
    // last, whatever time of day it is now and however long the days are (DST).
    let today = now.with_timezone(&tz).date_naive();
    let last = today
        .checked_add_days(Days::new(u64::try_from(days - 1).unwrap_or(0)))
        .ok_or_else(|| {
            DomainError::invalid("days", FieldCode::OutOfRange, "reaches past the calendar")
        })?;
    let until = last.succ_opt().map_or(DateTime::<Utc>::MAX_UTC, |next| {
        resolve_local(next.and_time(NaiveTime::MIN), tz)
    });
    let filter = TouchpointFilter {
        assignee_id: Some(user_id),
        customer_id: None,
        status: Some(Status::Scheduled.as_str()),
        purpose: None,
        due_before: Some(until),
        due_after: None,
        overdue: None,
    };
    // Assigned to the person, on the customers the person can see: a manager may hold a
    // visit on anyone's customer, an agent's agenda never shows a customer the agent cannot
    // open (assignment refuses it; a later demotion must not reveal it either).
    let scope = CustomerScope::of(user.id, Role::from_stored(&user.role)?);
    let rows = store::touchpoints::list(db, scope, &filter, None, MAX_ITEMS).await?;
    let truncated = rows.more;

    let mut grouped: Vec<AgendaDay> = today
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| AgendaDay {
            date,
            items: Vec::new(),
        })
        .collect();
    let mut overdue = Vec::new();
    for row in rows.items {
        let due = row.due_at;
        let shown = to_dto(row, now)?;
        if due < now {
            overdue.push(shown);
            continue;
        }
        let date = due.with_timezone(&tz).date_naive();
        if let Some(day) = grouped.iter_mut().find(|d| d.date == date) {
            day.items.push(shown);
        }
    }
    Ok(Agenda {
        user_id,
        timezone: tz.name().to_string(),
        generated_at: now,
        from: now,
        until,
        overdue,
        days: grouped,
        truncated,
    })
}
