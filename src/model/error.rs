//! What a domain operation can fail with, in the domain's own words. No web framework here:
//! the HTTP layer maps each variant to a status and a problem document in one place.
//! Persistence returns database errors; `From<DbErr>` is where the domain reads them.

use sea_orm::{DbErr, RuntimeErr, SqlErr};
use serde::Serialize;
use utoipa::ToSchema;

pub type DomainResult<T> = Result<T, DomainError>;

crate::model::vocabulary!(
    /// What is wrong with a field: one stable word per kind of mistake, so that a frontend
    /// shows its own translated text (`message` says it in English, with the detail).
    ///
    /// * `required`: missing, or needed by another field's value (`churn_reason` for `churned`)
    /// * `invalid_type`: not the schema's JSON type (a string for a number, a fraction for an
    ///   integer, an array for an object)
    /// * `unknown_field`: a key or CSV column the schema does not have
    /// * `unknown_value`: not one of the enum's values, or not a known name
    /// * `invalid_format`: text that does not parse (email, phone, timezone, time, currency,
    ///   id, timestamp, cursor, header value)
    /// * `too_short` / `too_long`: text outside its length bounds
    /// * `too_many`: a list, file or rule with more (or fewer) entries than allowed
    /// * `out_of_range`: a number, date or instant outside its range
    /// * `blank`: empty or only white space
    /// * `in_future`: an instant or date that must not lie ahead
    /// * `not_found`: names a record that does not exist or that the caller may not see
    /// * `not_allowed`: names a record or value that may not be used here, or a field that
    ///   does not apply with the others given
    /// * `conflict`: clashes with the stored state or another field (a second currency, a
    ///   cursor of another sort order, a reused idempotency key)
    FieldCode {
        Required => "required",
        InvalidType => "invalid_type",
        UnknownField => "unknown_field",
        UnknownValue => "unknown_value",
        InvalidFormat => "invalid_format",
        TooShort => "too_short",
        TooLong => "too_long",
        TooMany => "too_many",
        OutOfRange => "out_of_range",
        Blank => "blank",
        InFuture => "in_future",
        NotFound => "not_found",
        NotAllowed => "not_allowed",
        Conflict => "conflict",
    }
);

/// One invalid input field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// Path of the field in the request, dotted for nested values (`contact_window.start`).
    #[schema(example = "email")]
    pub field: String,
    pub code: FieldCode,
    #[schema(example = "must be a valid email address")]
    pub message: String,
}

/// The longest `field` an error answer carries, in characters; a longer one (a CSV column
/// named by a whole line of text) is cut and ends with `…`.
pub const MAX_FIELD_CHARS: usize = 200;

/// The longest `message` an error answer carries, in characters.
pub const MAX_MESSAGE_CHARS: usize = 500;

/// The most field errors one answer lists; the rest are counted, not listed.
pub const MAX_FIELD_ERRORS: usize = 100;

impl FieldError {
    /// A field error whose parts are cut to their bounds, so that no input, however long,
    /// makes an error answer grow with it.
    pub fn new(field: impl Into<String>, code: FieldCode, message: impl Into<String>) -> Self {
        Self {
            field: bounded(field.into(), MAX_FIELD_CHARS),
            code,
            message: bounded(message.into(), MAX_MESSAGE_CHARS),
        }
    }

    pub fn blank(field: impl Into<String>) -> Self {
        Self::new(field, FieldCode::Blank, "must not be blank")
    }

    /// A reference to a `what` that does not exist, or that the caller may not see.
    pub fn no_such(field: impl Into<String>, what: &str) -> Self {
        Self::new(field, FieldCode::NotFound, format!("no such {what}"))
    }
}

/// `text` cut to at most `max` characters, the last of them `…` when it was cut.
pub fn bounded(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let cut = text
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let mut short = text[..cut].to_string();
    short.push('…');
    short
}

/// At most `max` errors of `errors`, and how many were left out.
pub fn first_errors<T>(mut errors: Vec<T>, max: usize) -> (Vec<T>, usize) {
    let omitted = errors.len().saturating_sub(max);
    errors.truncate(max);
    (errors, omitted)
}

/// A change that clashes with the current state. `allowed` lists the states or actions that
/// would have been accepted, where there is such a list (a workflow's permitted targets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub detail: String,
    pub allowed: Option<Vec<String>>,
    /// The customers a new one would duplicate (`POST /customers?on_duplicate=reject`).
    pub candidates: Option<Vec<crate::model::duplicate::Candidate>>,
}

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// No valid credentials: a bad password, an invalid token, an inactive user.
    #[error("{0}")]
    Unauthenticated(String),
    /// Known caller, action not permitted for their role.
    #[error("{0}")]
    Forbidden(String),
    /// Unknown, or invisible to the caller (the two are answered alike).
    #[error("{0}")]
    NotFound(String),
    /// A customer merged into another one, which the caller may see.
    #[error("the customer was merged into {into}")]
    Merged { into: uuid::Uuid },
    #[error("{}", .0.detail)]
    Conflict(Conflict),
    /// The record's version is not the one the caller based the change on.
    #[error("{0}")]
    StalePrecondition(String),
    /// A change that must name the version it is based on did not.
    #[error("{0}")]
    PreconditionRequired(String),
    #[error("invalid fields")]
    Validation(Vec<FieldError>),
    /// Too many attempts; try again after the given number of seconds.
    #[error("{detail}")]
    Throttled {
        detail: String,
        retry_after_secs: u64,
    },
    /// The database is not answering; transient.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Too much work in flight on this replica; transient.
    #[error("{0}")]
    Overloaded(String),
    /// A statement ran past its time budget and was cancelled.
    #[error("statement timed out: {0}")]
    TimedOut(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl DomainError {
    pub fn invalid(field: impl Into<String>, code: FieldCode, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn not_found(what: &str) -> Self {
        Self::NotFound(format!("{what} not found"))
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::Conflict(Conflict {
            detail: detail.into(),
            allowed: None,
            candidates: None,
        })
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    /// Reads a database error where a unique violation has a meaning of its own (a taken
    /// email or name): `map_err(DomainError::unique("…"))`.
    pub fn unique(detail: &'static str) -> impl FnOnce(DbErr) -> Self {
        move |err| {
            if is_unique_violation(&err) {
                Self::conflict(detail)
            } else {
                err.into()
            }
        }
    }
}

pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

impl From<DbErr> for DomainError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                return Self::conflict("a record with the same unique value already exists");
            }
            Some(SqlErr::ForeignKeyConstraintViolation(message)) => {
                return Self::invalid(
                    referring_field(&message),
                    FieldCode::NotFound,
                    "refers to a record that does not exist",
                );
            }
            _ => {}
        }
        match &err {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => Self::Unavailable(err.to_string()),
            DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))
                if is_transient(e) =>
            {
                Self::Unavailable(err.to_string())
            }
            DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))
                if crate::db::is_statement_timeout(e) =>
            {
                Self::TimedOut(err.to_string())
            }
            DbErr::RecordNotFound(what) => Self::NotFound(format!("{what} not found")),
            _ => Self::Internal(err.to_string()),
        }
    }
}

/// The request field behind a foreign key, named by its constraint (`fk_<table>_<field>`,
/// which PostgreSQL quotes in its message; SQLite names no constraint, so the body is blamed).
fn referring_field(message: &str) -> &'static str {
    const FIELDS: [(&str, &str); 9] = [
        ("_referred_by\"", "referred_by_id"),
        ("_owner\"", "owner_id"),
        ("_assignee\"", "assignee_id"),
        ("_to\"", "owner_id"),
        ("_user\"", "user_id"),
        ("_segment\"", "segment_id"),
        ("_complaint\"", "complaint_id"),
        ("_customer\"", "customer_id"),
        ("_touchpoint\"", "touchpoint_id"),
    ];
    FIELDS
        .iter()
        .find(|(suffix, _)| message.contains(suffix))
        .map_or("body", |(_, field)| field)
}

/// Failures that a retry may not meet: the connection, the pool, a lock that could not be
/// had in time, or a transaction the database chose to abort (deadlock victim, serialization
/// failure), which the lock order of "Check-then-write" should make rare.
fn is_transient(err: &sea_orm::sqlx::Error) -> bool {
    use sea_orm::sqlx::Error;
    match err {
        Error::Io(_) | Error::PoolTimedOut | Error::PoolClosed | Error::WorkerCrashed => true,
        Error::Tls(_) | Error::Protocol(_) => true,
        Error::Database(db) => {
            // SQLITE_BUSY / SQLITE_LOCKED after the busy timeout, and PostgreSQL's
            // "admin shutdown" / "cannot connect now" classes: transient, so unavailable.
            matches!(
                db.code().as_deref(),
                Some("5")
                    | Some("6")
                    | Some("517")
                    | Some("57P01")
                    | Some("57P02")
                    | Some("57P03")
                    | Some("40001")
                    | Some("40P01")
                    | Some("55P03")
            ) || db.code().is_some_and(|c| c.starts_with("08"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_parts_are_cut_to_their_bounds() {
        let e = FieldError::new("é".repeat(1_000), FieldCode::TooLong, "m".repeat(10_000));
        assert_eq!(e.field.chars().count(), MAX_FIELD_CHARS);
        assert!(e.field.ends_with('…'));
        assert_eq!(e.message.chars().count(), MAX_MESSAGE_CHARS);
        assert_eq!(FieldError::blank("email").field, "email");
        assert_eq!(bounded("abc".into(), 3), "abc");
        assert_eq!(bounded("abcd".into(), 3), "ab…");
    }

    #[test]
    fn a_missing_reference_names_its_field() {
        let pg = r#"insert or update on table "customers" violates foreign key constraint "fk_customers_referred_by""#;
        assert_eq!(referring_field(pg), "referred_by_id");
        let pg = r#"insert or update on table "touchpoints" violates foreign key constraint "fk_touchpoints_assignee""#;
        assert_eq!(referring_field(pg), "assignee_id");
        assert_eq!(referring_field("FOREIGN KEY constraint failed"), "body");
        let err = DomainError::from(DbErr::Exec(RuntimeErr::Internal("x".into())));
        assert!(matches!(err, DomainError::Internal(_)));
    }

    #[test]
    fn only_the_first_errors_are_kept_and_the_rest_counted() {
        assert_eq!(first_errors(vec![1, 2, 3], 2), (vec![1, 2], 1));
        assert_eq!(first_errors(vec![1], 2), (vec![1], 0));
    }
}
