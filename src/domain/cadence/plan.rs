//! What a playbook schedules from a trigger, and when yearly dates fall.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::duration::CalendarDuration;
use super::window::{Window, place, start_of_day};

/// A step generated this long after it fell due is recorded as skipped, not scheduled.
pub const ELAPSED_AFTER: Duration = Duration::days(7);
pub const ELAPSED_REASON: &str = "elapsed before scheduling";

/// Where a customer lives, for the arithmetic.
#[derive(Clone, Copy, Debug)]
pub struct Reach {
    pub tz: Tz,
    pub window: Option<Window>,
}

/// A generated occurrence: when it is due, and whether it elapsed before it was generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Planned {
    pub due_at: DateTime<Utc>,
    pub elapsed: bool,
}

/// True when a touchpoint due at `due_at` is more than 7 days overdue at `now`.
pub fn elapsed(due_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    due_at < now - ELAPSED_AFTER
}

/// One playbook step: the trigger time plus its offset, moved into the contact window.
pub fn step(
    trigger_at: DateTime<Utc>,
    offset: &CalendarDuration,
    reach: &Reach,
    now: DateTime<Utc>,
) -> Option<Planned> {
    let due_at = place(
        offset.add_to(trigger_at, reach.tz)?,
        reach.tz,
        reach.window.as_ref(),
    );
    Some(Planned {
        due_at,
        elapsed: elapsed(due_at, now),
    })
}

/// The next occurrence of a recurring series anchored at `anchor` (`anchor + k × every`,
/// k ≥ 1, each taken from the anchor so month ends do not drift), later than `after` (the
/// last done or skipped occurrence, or the anchor) and not more than 7 days in the past at
/// `now`. Placed into the contact window. None when `every` is zero or out of range.
pub fn next_occurrence(
    anchor: DateTime<Utc>,
    every: &CalendarDuration,
    after: DateTime<Utc>,
    reach: &Reach,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if every.is_zero() {
        return None;
    }
    let floor = after.max(now - ELAPSED_AFTER);
    // Jump to just below the floor, then exact steps: the cost does not grow with how long
    // ago the series started. The jump takes each part at its longest (31-day months, 25-hour
    // days) so that it never overshoots.
    let approx_secs = i64::from(every.months) * 31 * 86_400
        + i64::from(every.days) * 25 * 3600
        + i64::try_from(every.seconds).ok()?;
    let behind = (floor - anchor).num_seconds();
    let mut k = if behind > 0 && approx_secs > 0 {
        u32::try_from(behind / approx_secs)
            .ok()?
            .saturating_sub(2)
            .max(1)
    } else {
        1
    };
    for _ in 0..10_000 {
        let raw = every.add_times(anchor, k, reach.tz)?;
        let due = place(raw, reach.tz, reach.window.as_ref());
        if raw > floor && due > floor {
            return Some(due);
        }
        k = k.checked_add(1)?;
    }
    None
}

/// The day a yearly date (birthday, recurring important date) falls on in `year`; 29 February
/// is kept on 28 February in other years.
pub fn yearly_on(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day()).or_else(|| {
        (date.month() == 2 && date.day() == 29)
            .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .flatten()
    })
}

/// The yearly occurrences of `date` whose day lies within `[today, today + horizon_days]`, each
/// due at the start of the customer's contact window that day (09:00 local without one).
pub fn yearly_within(
    date: NaiveDate,
    today: NaiveDate,
    horizon_days: u32,
    reach: &Reach,
) -> Vec<(NaiveDate, DateTime<Utc>)> {
    let last = today + Duration::days(i64::from(horizon_days));
    (today.year()..=last.year())
        .filter_map(|year| yearly_on(date, year))
        .filter(|day| *day >= today && *day <= last && *day >= date)
        .map(|day| (day, start_of_day(day, reach.tz, reach.window.as_ref())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn utc() -> Reach {
        Reach {
            tz: chrono_tz::UTC,
            window: None,
        }
    }

    #[test]
    fn steps_more_than_a_week_overdue_are_elapsed() {
        let p3d = CalendarDuration::parse("P3D").unwrap();
        let trigger = at("2026-11-01T10:00:00Z");
        let on_time = step(trigger, &p3d, &utc(), at("2026-11-01T10:00:00Z")).unwrap();
        assert_eq!(
            on_time,
            Planned {
                due_at: at("2026-11-04T10:00:00Z"),
                elapsed: false
            }
        );
        // Exactly 7 days overdue still counts as schedulable; a second more does not.
        assert!(
            !step(trigger, &p3d, &utc(), at("2026-11-11T10:00:00Z"))
                .unwrap()
                .elapsed
        );
        assert!(
            step(trigger, &p3d, &utc(), at("2026-11-11T10:00:01Z"))
                .unwrap()
                .elapsed
        );
    }

    #[test]
    fn a_series_keeps_its_anchor_and_skips_what_is_long_past() {
        let p3m = CalendarDuration::parse("P3M").unwrap();
        let anchor = at("2026-01-31T10:00:00Z");
        let now = at("2026-02-01T00:00:00Z");
        assert_eq!(
            next_occurrence(anchor, &p3m, anchor, &utc(), now),
            Some(at("2026-04-30T10:00:00Z"))
        );
        assert_eq!(
            next_occurrence(anchor, &p3m, at("2026-04-30T10:00:00Z"), &utc(), now),
            Some(at("2026-07-31T10:00:00Z"))
        );
        // Years later, the next one is the first not more than 7 days in the past.
        let later = at("2029-05-05T00:00:00Z");
        assert_eq!(
            next_occurrence(anchor, &p3m, anchor, &utc(), later),
            Some(at("2029-04-30T10:00:00Z"))
        );
        let p1m = CalendarDuration::parse("P1M").unwrap();
        assert_eq!(
            next_occurrence(anchor, &p1m, anchor, &utc(), later),
            Some(at("2029-04-30T10:00:00Z"))
        );
        assert_eq!(
            next_occurrence(anchor, &CalendarDuration::default(), anchor, &utc(), now),
            None
        );
    }

    #[test]
    fn series_occurrences_move_into_the_window() {
        let w = Window::new(
            &[1, 2, 3, 4, 5],
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        )
        .unwrap();
        let reach = Reach {
            tz: chrono_tz::UTC,
            window: Some(w),
        };
        let p1w = CalendarDuration::parse("P1W").unwrap();
        // Saturday anchor: every occurrence is a Saturday, moved to Monday 09:00.
        let anchor = at("2026-11-21T10:00:00Z");
        assert_eq!(
            next_occurrence(anchor, &p1w, anchor, &reach, anchor),
            Some(at("2026-11-30T09:00:00Z"))
        );
    }

    #[test]
    fn the_29th_of_february_is_kept_on_the_28th() {
        let leapling = d("2000-02-29");
        assert_eq!(yearly_on(leapling, 2026), Some(d("2026-02-28")));
        assert_eq!(yearly_on(leapling, 2028), Some(d("2028-02-29")));
        let horizon = yearly_within(leapling, d("2027-02-10"), 30, &utc());
        assert_eq!(horizon, vec![(d("2027-02-28"), at("2027-02-28T09:00:00Z"))]);
        assert!(yearly_within(leapling, d("2027-03-01"), 30, &utc()).is_empty());
        // Across the new year.
        let new_year = yearly_within(d("1990-01-03"), d("2026-12-20"), 30, &utc());
        assert_eq!(
            new_year,
            vec![(d("2027-01-03"), at("2027-01-03T09:00:00Z"))]
        );
        // Not before the date itself (an important date in the future).
        assert!(yearly_within(d("2027-01-03"), d("2026-12-20"), 10, &utc()).is_empty());
    }
}
