//! How the service is kept: complaints (deadlines, time to resolve, satisfaction after) and
//! the planned contacts of each owner.

use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;

use super::{ensure_reader, nearest_rank, period, ratio};
use crate::dto::report::{
    ComplaintReport, Compliance, Count, OwnerTouchpointFigures, PeriodQuery, ResolutionTimes,
    SatisfactionFigures, TouchpointReport,
};
use crate::model::error::DomainResult;
use crate::model::role::Actor;
use crate::store::reports::activity;

/// A touchpoint completed by the end of the day after it fell due counts as on time.
const ON_TIME_GRACE_DAYS: i64 = 1;

fn compliance(due: i64, on_time: i64) -> Compliance {
    Compliance {
        due,
        on_time,
        rate: ratio(on_time, due),
    }
}

/// `GET /reports/complaints`: complaints received in the period (all of them unless given).
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn complaints(
    db: &DatabaseConnection,
    actor: &Actor,
    q: PeriodQuery,
    now: DateTime<Utc>,
) -> DomainResult<ComplaintReport> {
    ensure_reader(actor)?;
    let period = period(q.from, q.to, None, now)?;
    let by = |column| async move {
        Ok::<_, crate::model::error::DomainError>(
            activity::complaints_by(db, period, column)
                .await?
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect::<Vec<_>>(),
        )
    };
    let figures = activity::complaint_figures(db, period, now).await?;
    let at_percent = |percent| async move {
        if figures.resolved == 0 {
            return Ok::<_, crate::model::error::DomainError>(None);
        }
        let rank = nearest_rank(percent, figures.resolved);
        Ok(activity::resolution_seconds_at_rank(db, period, rank).await?)
    };
    Ok(ComplaintReport {
        from: period.from,
        to: period.to,
        total: figures.total,
        by_status: by("status").await?,
        by_category: by("category").await?,
        by_severity: by("severity").await?,
        by_kind: by("kind").await?,
        first_response: compliance(figures.response_due, figures.response_on_time),
        resolution: compliance(figures.resolution_due, figures.resolution_on_time),
        time_to_resolve: ResolutionTimes {
            resolved: figures.resolved,
            median_seconds: at_percent(50).await?,
            p90_seconds: at_percent(90).await?,
        },
        satisfaction_after: SatisfactionFigures {
            rated: figures.rated,
            average: figures
                .satisfaction_average
                .map(|a| (a * 1e3).round() / 1e3),
        },
    })
}

/// `GET /reports/touchpoints`: per owner, the touchpoints due in the period (the last 30
/// days unless given).
#[tracing::instrument(skip_all, fields(actor.id = %actor.id))]
pub async fn touchpoints(
    db: &DatabaseConnection,
    actor: &Actor,
    q: PeriodQuery,
    now: DateTime<Utc>,
) -> DomainResult<TouchpointReport> {
    ensure_reader(actor)?;
    let period = period(q.from, q.to, Some(Duration::days(30)), now)?;
    let owners = activity::touchpoints_by_owner(db, period, now, ON_TIME_GRACE_DAYS)
        .await?
        .into_iter()
        .map(|o| OwnerTouchpointFigures {
            owner_id: o.owner_id,
            total: o.total,
            completed: o.completed,
            skipped: o.skipped,
            cancelled: o.cancelled,
            overdue: o.overdue,
            upcoming: o.upcoming,
            on_time: o.on_time,
            on_time_rate: ratio(o.on_time, o.completed),
        })
        .collect();
    Ok(TouchpointReport {
        from: period.from.unwrap_or(period.to),
        to: period.to,
        owners,
    })
}
