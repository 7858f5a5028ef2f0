//! Contact windows: the weekdays and local hours when a customer may be contacted, in the
//! customer's own timezone. A due time outside the window moves forward to the next opening;
//! a window whose end is before its start runs past midnight and belongs to the day it opens.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::dto::time;
use crate::model::customer::ContactWindow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Index 1 = Monday … 7 = Sunday; index 0 unused.
    days: [bool; 8],
    start: NaiveTime,
    end: NaiveTime,
}

/// Where the day starts without a window, for yearly dates.
pub const DEFAULT_START: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

impl Window {
    /// From the stored profile field; None when it is not a usable window.
    pub fn from_profile(window: &ContactWindow) -> Option<Self> {
        let (start, end) = (window.start_time()?, window.end_time()?);
        if start == end || window.weekdays.is_empty() {
            return None;
        }
        let mut days = [false; 8];
        for day in &window.weekdays {
            *days.get_mut(usize::from(day.0))? = true;
        }
        Some(Self { days, start, end })
    }

    pub fn new(weekdays: &[u8], start: NaiveTime, end: NaiveTime) -> Option<Self> {
        let mut days = [false; 8];
        for d in weekdays {
            *days.get_mut(usize::from(*d)).filter(|_| *d >= 1)? = true;
        }
        (start != end && !weekdays.is_empty()).then_some(Self { days, start, end })
    }

    pub fn start(&self) -> NaiveTime {
        self.start
    }

    fn opens_on(&self, date: NaiveDate) -> bool {
        self.days[date.weekday().number_from_monday() as usize]
    }

    fn overnight(&self) -> bool {
        self.end < self.start
    }

    /// Whether a local time lies inside the window.
    pub fn contains(&self, local: NaiveDateTime) -> bool {
        let (date, time) = (local.date(), local.time());
        if !self.overnight() {
            return self.opens_on(date) && time >= self.start && time < self.end;
        }
        let tonight = self.opens_on(date) && time >= self.start;
        let last_night = date.pred_opt().is_some_and(|d| self.opens_on(d)) && time < self.end;
        tonight || last_night
    }

    /// The next opening at or after `local`.
    fn next_opening(&self, local: NaiveDateTime) -> Option<NaiveDateTime> {
        (0..=7)
            .filter_map(|offset| local.date().checked_add_signed(Duration::days(offset)))
            .filter(|d| self.opens_on(*d))
            .map(|d| NaiveDateTime::new(d, self.start))
            .find(|opening| *opening >= local)
    }
}

/// The wall-clock time of `at` in `tz`; None at the very edge of representable time, where
/// adding the offset would overflow (chrono's own conversion panics there).
pub fn local_time(at: DateTime<Utc>, tz: Tz) -> Option<NaiveDateTime> {
    let utc = at.naive_utc();
    utc.checked_add_offset(tz.offset_from_utc_datetime(&utc).fix())
}

/// The instant of a local time in `tz`. A time that falls in a spring-forward gap moves to
/// the first minute that exists; one that occurs twice (autumn) is the earlier.
pub fn resolve_local(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    let mut probe = local;
    // Gaps are at most a few hours; a day of minutes is far more than enough.
    for _ in 0..(24 * 60) {
        match tz.from_local_datetime(&probe) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(earlier, _) => return earlier.with_timezone(&Utc),
            LocalResult::None => match probe.checked_add_signed(Duration::minutes(1)) {
                Some(next) => probe = next,
                None => break,
            },
        }
    }
    Utc.from_utc_datetime(&local)
}

/// `due`, or the next opening of the window after it when it falls outside. Without a window
/// any time is fine; so is a time at the end of the span, where the next opening is past it.
pub fn place(due: DateTime<Utc>, tz: Tz, window: Option<&Window>) -> DateTime<Utc> {
    let Some(window) = window else {
        return due;
    };
    let Some(local) = local_time(due, tz) else {
        return due;
    };
    if window.contains(local) {
        return due;
    }
    // A time is never moved out of the span the API keeps (past the year 9999).
    match window.next_opening(local) {
        Some(opening) => Some(resolve_local(opening, tz).max(due))
            .filter(time::instant_in_range)
            .unwrap_or(due),
        None => due,
    }
}

/// The start of the window on `date` (09:00 without a window), whatever the weekday: when a
/// yearly date is due.
pub fn start_of_day(date: NaiveDate, tz: Tz, window: Option<&Window>) -> DateTime<Utc> {
    let start = window.map_or(DEFAULT_START, Window::start);
    resolve_local(NaiveDateTime::new(date, start), tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    const WEEKDAYS: [u8; 5] = [1, 2, 3, 4, 5];

    #[test]
    fn the_edges_of_time_never_panic() {
        let w = Window::new(&[1, 2, 3, 4, 5, 6, 7], hm(9, 0), hm(10, 0)).unwrap();
        for tz in [chrono_tz::Pacific::Kiritimati, chrono_tz::Etc::GMTPlus12] {
            for due in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
                assert_eq!(place(due, tz, Some(&w)), due);
            }
            let last = NaiveDate::MAX.and_time(hm(9, 0));
            let first = NaiveDate::MIN.and_time(hm(9, 0));
            resolve_local(last, tz);
            resolve_local(first, tz);
            start_of_day(NaiveDate::MAX, tz, Some(&w));
            start_of_day(NaiveDate::MIN, tz, None);
        }
    }

    #[test]
    fn a_time_is_never_moved_past_the_span() {
        let w = Window::new(&[1], hm(9, 0), hm(10, 0)).unwrap();
        let last = at("9999-12-31T23:00:00Z");
        assert_eq!(place(last, chrono_tz::Pacific::Kiritimati, Some(&w)), last);
    }

    #[test]
    fn inside_stays_outside_moves_to_the_next_opening() {
        let w = Window::new(&WEEKDAYS, hm(12, 0), hm(18, 0)).unwrap();
        let utc = chrono_tz::UTC;
        // Wednesday 2026-11-18.
        assert_eq!(
            place(at("2026-11-18T13:00:00Z"), utc, Some(&w)),
            at("2026-11-18T13:00:00Z")
        );
        assert_eq!(
            place(at("2026-11-18T09:30:00Z"), utc, Some(&w)),
            at("2026-11-18T12:00:00Z")
        );
        // After the end: the next day's opening; the end itself is outside.
        assert_eq!(
            place(at("2026-11-18T18:00:00Z"), utc, Some(&w)),
            at("2026-11-19T12:00:00Z")
        );
        // Friday evening and the weekend go to Monday.
        assert_eq!(
            place(at("2026-11-20T19:00:00Z"), utc, Some(&w)),
            at("2026-11-23T12:00:00Z")
        );
        assert_eq!(
            place(at("2026-11-22T13:00:00Z"), utc, Some(&w)),
            at("2026-11-23T12:00:00Z")
        );
        assert_eq!(
            place(at("2026-11-22T13:00:00Z"), utc, None),
            at("2026-11-22T13:00:00Z")
        );
    }

    #[test]
    fn windows_across_midnight_belong_to_the_day_they_open() {
        // Friday and Saturday nights, 22:00–02:00.
        let w = Window::new(&[5, 6], hm(22, 0), hm(2, 0)).unwrap();
        let utc = chrono_tz::UTC;
        // Saturday 01:00 is still Friday night.
        assert_eq!(
            place(at("2026-11-21T01:00:00Z"), utc, Some(&w)),
            at("2026-11-21T01:00:00Z")
        );
        // Sunday 01:00 is still Saturday night.
        assert_eq!(
            place(at("2026-11-22T01:00:00Z"), utc, Some(&w)),
            at("2026-11-22T01:00:00Z")
        );
        // Monday 01:00 is not (Sunday does not open): next Friday 22:00.
        assert_eq!(
            place(at("2026-11-23T01:00:00Z"), utc, Some(&w)),
            at("2026-11-27T22:00:00Z")
        );
        // Saturday 03:00: that night's opening at 22:00.
        assert_eq!(
            place(at("2026-11-21T03:00:00Z"), utc, Some(&w)),
            at("2026-11-21T22:00:00Z")
        );
    }

    #[test]
    fn local_time_and_dst_in_both_directions() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // A window opening at 02:30, which does not exist on 29 March 2026 in Berlin: the
        // first valid minute is 03:00 CEST = 01:00 UTC.
        let w = Window::new(&[7], hm(2, 30), hm(4, 0)).unwrap();
        assert_eq!(
            place(at("2026-03-28T23:00:00Z"), berlin, Some(&w)),
            at("2026-03-29T01:00:00Z")
        );
        // 25 October 2026: 02:30 happens twice; the earlier (CEST, 00:30 UTC) is taken.
        assert_eq!(
            place(at("2026-10-24T22:00:00Z"), berlin, Some(&w)),
            at("2026-10-25T00:30:00Z")
        );
        // An ordinary window is local: 12:00 Berlin is 11:00 UTC in winter, 10:00 in summer.
        let noon = Window::new(&WEEKDAYS, hm(12, 0), hm(18, 0)).unwrap();
        assert_eq!(
            place(at("2026-03-27T06:00:00Z"), berlin, Some(&noon)),
            at("2026-03-27T11:00:00Z")
        );
        assert_eq!(
            place(at("2026-03-30T06:00:00Z"), berlin, Some(&noon)),
            at("2026-03-30T10:00:00Z")
        );
    }

    #[test]
    fn yearly_dates_start_at_the_window_or_nine() {
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(); // a Sunday
        assert_eq!(start_of_day(date, tokyo, None), at("2026-11-22T00:00:00Z"));
        let w = Window::new(&WEEKDAYS, hm(12, 0), hm(18, 0)).unwrap();
        assert_eq!(
            start_of_day(date, tokyo, Some(&w)),
            at("2026-11-22T03:00:00Z")
        );
    }
}
