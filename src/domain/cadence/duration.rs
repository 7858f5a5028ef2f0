//! ISO 8601 durations as playbooks write them: `P3D`, `PT24H`, `P1W`, `P1M`, `P1Y2M10DT2H30M`.
//! Years, months, weeks and days are calendar parts, added to the local date so that "one
//! month later" keeps the day of the month (clamped to the month's end) and "one day later"
//! keeps the wall-clock time across a DST change; hours, minutes and seconds are exact time.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::window::{local_time, resolve_local};

/// The longest duration a playbook may use: ten years.
const MAX_MONTHS: u32 = 120;
const MAX_DAYS: u32 = 3660;
const MAX_SECONDS: u64 = 3660 * 86_400;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CalendarDuration {
    pub months: u32,
    pub days: u32,
    pub seconds: u64,
}

impl CalendarDuration {
    /// Parses the designator form `PnYnMnWnDTnHnMnS` (whole numbers, each part optional, at
    /// least one present, all within ten years).
    pub fn parse(text: &str) -> Result<Self, String> {
        let invalid =
            || format!("`{text}` is not an ISO 8601 duration such as P3D, PT24H, P1W or P1M");
        let rest = text.strip_prefix('P').ok_or_else(invalid)?;
        let (date_part, time_part) = match rest.split_once('T') {
            Some((d, t)) if !t.is_empty() => (d, Some(t)),
            Some(_) => return Err(invalid()),
            None => (rest, None),
        };
        let mut out = CalendarDuration::default();
        let mut any = false;
        for (number, unit) in parts(date_part).ok_or_else(invalid)? {
            any = true;
            match unit {
                'Y' => out.months = add(out.months, number.checked_mul(12)).ok_or_else(invalid)?,
                'M' => out.months = add(out.months, Some(number)).ok_or_else(invalid)?,
                'W' => out.days = add(out.days, number.checked_mul(7)).ok_or_else(invalid)?,
                'D' => out.days = add(out.days, Some(number)).ok_or_else(invalid)?,
                _ => return Err(invalid()),
            }
        }
        if let Some(time_part) = time_part {
            for (number, unit) in parts(time_part).ok_or_else(invalid)? {
                any = true;
                let factor = match unit {
                    'H' => 3600,
                    'M' => 60,
                    'S' => 1,
                    _ => return Err(invalid()),
                };
                out.seconds = out
                    .seconds
                    .checked_add(u64::from(number) * factor)
                    .ok_or_else(invalid)?;
            }
        }
        if !any {
            return Err(invalid());
        }
        if out.months > MAX_MONTHS || out.days > MAX_DAYS || out.seconds > MAX_SECONDS {
            return Err(format!("`{text}` is longer than ten years"));
        }
        Ok(out)
    }

    pub fn is_zero(&self) -> bool {
        *self == Self::default()
    }

    /// `times` of this duration after `from`, as the customer in `tz` lives it: calendar
    /// parts on the local date and wall-clock time (a local time that does not exist moves to
    /// the first one that does), then the exact part.
    pub fn add_times(&self, from: DateTime<Utc>, times: u32, tz: Tz) -> Option<DateTime<Utc>> {
        let local = local_time(from, tz)?;
        let months = self.months.checked_mul(times)?;
        let days = self.days.checked_mul(times)?;
        let date = add_months(local.date(), months)?
            .checked_add_signed(Duration::days(i64::from(days)))?;
        let calendar = if months == 0 && days == 0 {
            from
        } else {
            resolve_local(NaiveDateTime::new(date, local.time()), tz)
        };
        let seconds = i64::try_from(self.seconds.checked_mul(u64::from(times))?).ok()?;
        calendar.checked_add_signed(Duration::seconds(seconds))
    }

    /// This duration after `from`.
    pub fn add_to(&self, from: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
        self.add_times(from, 1, tz)
    }
}

fn add(total: u32, more: Option<u32>) -> Option<u32> {
    total.checked_add(more?)
}

/// `5D3W` → [(5, 'D'), (3, 'W')]; None when malformed.
fn parts(text: &str) -> Option<Vec<(u32, char)>> {
    let mut out = Vec::new();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if digits.is_empty() || digits.len() > 6 {
                return None;
            }
            out.push((digits.parse().ok()?, c));
            digits.clear();
        }
    }
    digits.is_empty().then_some(out)
}

/// Calendar months later, keeping the day of the month or the month's last day.
fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    let first = date.with_day(1)?.checked_add_months(Months::new(months))?;
    let last_day = (28..=31)
        .rev()
        .find(|d| first.with_day(*d).is_some())
        .unwrap_or(28);
    first.with_day(date.day().min(last_day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn designators_parse() {
        let d = |s| CalendarDuration::parse(s).unwrap();
        assert_eq!(d("P3D").days, 3);
        assert_eq!(d("PT24H").seconds, 86_400);
        assert_eq!(d("P1W").days, 7);
        assert_eq!(d("P1M").months, 1);
        assert_eq!(d("P3M").months, 3);
        assert_eq!(
            d("P1Y2M10DT2H30M"),
            CalendarDuration {
                months: 14,
                days: 10,
                seconds: 9000
            }
        );
        for bad in [
            "", "P", "PT", "3D", "P3", "P-1D", "P1.5D", "P1DT", "PT1D", "P1H", "P11Y", "p3d",
        ] {
            assert!(CalendarDuration::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn months_keep_the_day_or_clamp_to_the_month_end() {
        let p1m = CalendarDuration::parse("P1M").unwrap();
        let utc = chrono_tz::UTC;
        assert_eq!(
            p1m.add_to(at("2026-01-31T10:00:00Z"), utc),
            Some(at("2026-02-28T10:00:00Z"))
        );
        assert_eq!(
            p1m.add_to(at("2028-01-31T10:00:00Z"), utc),
            Some(at("2028-02-29T10:00:00Z"))
        );
        assert_eq!(
            p1m.add_to(at("2026-03-31T10:00:00Z"), utc),
            Some(at("2026-04-30T10:00:00Z"))
        );
        // Multiples are taken from the anchor, so a series from the 31st comes back to it.
        assert_eq!(
            p1m.add_times(at("2026-01-31T10:00:00Z"), 2, utc),
            Some(at("2026-03-31T10:00:00Z"))
        );
        let p1y = CalendarDuration::parse("P1Y").unwrap();
        assert_eq!(
            p1y.add_to(at("2028-02-29T10:00:00Z"), utc),
            Some(at("2029-02-28T10:00:00Z"))
        );
    }

    #[test]
    fn days_keep_the_wall_clock_across_dst_hours_do_not() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin.
        let saturday_ten = at("2026-03-28T09:00:00Z"); // 10:00 CET
        let p1d = CalendarDuration::parse("P1D").unwrap();
        assert_eq!(
            p1d.add_to(saturday_ten, berlin),
            Some(at("2026-03-29T08:00:00Z"))
        ); // 10:00 CEST
        let pt24h = CalendarDuration::parse("PT24H").unwrap();
        assert_eq!(
            pt24h.add_to(saturday_ten, berlin),
            Some(at("2026-03-29T09:00:00Z"))
        ); // 11:00 CEST
    }
}
