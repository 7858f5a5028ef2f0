//! Optimistic concurrency: every record has a `version`, shown as the `ETag`, and writes may
//! be conditioned on it with `If-Match`.

use crate::model::error::DomainError;

/// What the client's `If-Match` header asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Precondition {
    /// No `If-Match`: the write applies to whatever is current.
    #[default]
    None,
    /// `If-Match: *`.
    Any,
    /// `If-Match: "3"` (or several).
    Versions(Vec<i32>),
}

impl Precondition {
    pub fn check(&self, current: i32) -> Result<(), DomainError> {
        match self {
            Precondition::Versions(versions) if !versions.contains(&current) => {
                Err(DomainError::StalePrecondition(format!(
                    "the record has changed (current version {current}); fetch it again and retry"
                )))
            }
            _ => Ok(()),
        }
    }
}

/// Reads the outcome of a write conditioned on the version that was read (`UPDATE … WHERE
/// version = $read`): nothing written means another writer came first.
pub fn ensure_written(written: bool, what: &str) -> Result<(), DomainError> {
    if written {
        Ok(())
    } else {
        Err(DomainError::StalePrecondition(format!(
            "the {what} changed while this request was processed; fetch it again and retry"
        )))
    }
}

pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// Parses an `If-Match` value: `*` or a comma-separated list of ETags. Entries that are not
/// ETags of ours can never match, so a value without any yields an empty list and the write
/// is refused with 412 rather than applied blindly.
pub fn parse_if_match(raw: &str) -> Precondition {
    let raw = raw.trim();
    if raw == "*" {
        return Precondition::Any;
    }
    Precondition::Versions(
        raw.split(',')
            .filter_map(|tag| {
                let tag = tag.trim();
                let tag = tag.strip_prefix("W/").unwrap_or(tag);
                tag.strip_prefix('"')?.strip_suffix('"')?.parse().ok()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_forms() {
        assert_eq!(parse_if_match("*"), Precondition::Any);
        assert_eq!(parse_if_match("\"3\""), Precondition::Versions(vec![3]));
        assert_eq!(
            parse_if_match("W/\"3\", \"4\""),
            Precondition::Versions(vec![3, 4])
        );
        assert_eq!(parse_if_match("3"), Precondition::Versions(vec![]));
        assert_eq!(parse_if_match(""), Precondition::Versions(vec![]));
        assert_eq!(
            parse_if_match("\"3\", junk"),
            Precondition::Versions(vec![3])
        );
    }

    #[test]
    fn stale_versions_fail() {
        assert!(Precondition::Versions(vec![2]).check(3).is_err());
        assert!(Precondition::Versions(vec![3]).check(3).is_ok());
        assert!(Precondition::None.check(3).is_ok());
        assert!(Precondition::Any.check(3).is_ok());
    }
}
