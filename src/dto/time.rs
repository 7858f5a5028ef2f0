//! The span of time the API accepts: every instant and date a caller sends lies in the years
//! 1900 to 9999, the same on both databases. PostgreSQL cannot store much beyond it (a
//! larger year is a database error), SQLite stores instants as text that sorts by
//! characters (a five-digit year would sort before 2026), and the calendar arithmetic that
//! moves a time into a contact window stays far from chrono's own limits.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use validator::ValidationError;

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 9999;

/// The rule as a pattern on the text, for the OpenAPI document (where a year range cannot
/// be written otherwise); keep it in step with `FIRST_YEAR` and `LAST_YEAR`.
pub const PATTERN: &str = r"^(19[0-9]{2}|[2-9][0-9]{3})-";

/// The answer to a time outside the span.
pub const OUT_OF_RANGE: &str = "must lie between the years 1900 and 9999";

fn in_range(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

pub fn instant_in_range(at: &DateTime<Utc>) -> bool {
    in_range(at.year())
}

pub fn date_in_range(date: &NaiveDate) -> bool {
    in_range(date.year())
}

fn refusal() -> ValidationError {
    ValidationError::new("out_of_range").with_message(OUT_OF_RANGE.into())
}

/// For `#[validate(custom(function = "crate::dto::time::instant"))]`.
pub fn instant(at: &DateTime<Utc>) -> Result<(), ValidationError> {
    instant_in_range(at).then_some(()).ok_or_else(refusal)
}

/// For `#[validate(custom(function = "crate::dto::time::date"))]`.
pub fn date(date: &NaiveDate) -> Result<(), ValidationError> {
    date_in_range(date).then_some(()).ok_or_else(refusal)
}

/// For `#[serde(deserialize_with = "crate::dto::time::deserialize_instant")]`: an instant
/// read back from a value the server itself wrote (a cursor), refused outside the span.
pub fn deserialize_instant<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<DateTime<Utc>, D::Error> {
    let at = <DateTime<Utc> as serde::Deserialize>::deserialize(deserializer)?;
    if instant_in_range(&at) {
        Ok(at)
    } else {
        Err(serde::de::Error::custom(OUT_OF_RANGE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_is_the_years_1900_to_9999() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert!(instant(&at("1900-01-01T00:00:00Z")).is_ok());
        assert!(instant(&at("9999-12-31T23:59:59Z")).is_ok());
        assert!(instant(&at("1899-12-31T23:59:59Z")).is_err());
        assert!(instant(&at("+10000-01-01T00:00:00Z")).is_err());
        assert!(instant(&at("-10000-01-01T00:00:00Z")).is_err());
        assert!(date(&NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()).is_err());
        assert!(date(&NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()).is_ok());
    }

    #[test]
    fn the_documented_pattern_says_the_same() {
        let pattern = regex::Regex::new(PATTERN).unwrap();
        for year in [0, 1, 999, 1000, 1899, 1900, 1901, 1999, 2000, 2026, 9999] {
            let text = format!("{year:04}-06-15T12:00:00Z");
            assert_eq!(pattern.is_match(&text), in_range(year), "{text}");
        }
        for text in [
            "-10000-01-01T00:00:00Z",
            "+10000-01-01",
            "10000-01-01",
            "9999",
        ] {
            assert!(!pattern.is_match(text), "{text}");
        }
    }
}
