//! Birthdays as month-day keys (`month * 100 + day`), so "birthday within N days" becomes an
//! indexed `IN` list on any database.

use chrono::{Datelike, Duration, NaiveDate};

pub fn month_day_key(date: NaiveDate) -> i32 {
    i32::try_from(date.month() * 100 + date.day()).unwrap_or(0)
}

/// The month-day keys of the days from `today` to `today + days`, inclusive. In a year
/// without 29 February, a 28 February in the range also matches people born on the 29th,
/// since that is the day their birthday is kept.
pub fn keys_within(today: NaiveDate, days: u32) -> Vec<i32> {
    let mut keys = Vec::new();
    for offset in 0..=i64::from(days.min(366)) {
        let day = today + Duration::days(offset);
        let key = month_day_key(day);
        if !keys.contains(&key) {
            keys.push(key);
        }
        if key == 228 && !is_leap(day.year()) && !keys.contains(&229) {
            keys.push(229);
        }
    }
    keys
}

fn is_leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn window_crosses_the_year_end() {
        assert_eq!(keys_within(d("2026-12-30"), 3), vec![1230, 1231, 101, 102]);
    }

    #[test]
    fn leap_day_birthdays_fall_on_28_february() {
        assert_eq!(keys_within(d("2027-02-28"), 0), vec![228, 229]);
        assert_eq!(keys_within(d("2028-02-28"), 0), vec![228]);
        assert_eq!(keys_within(d("2028-02-28"), 1), vec![228, 229]);
    }

    #[test]
    fn a_full_year_covers_every_day_once() {
        let keys = keys_within(d("2026-03-01"), 366);
        assert_eq!(keys.len(), 366);
    }
}
