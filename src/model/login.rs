//! A sign-in attempt and the throttle state kept for it (the rules are `domain::login`).

use chrono::{DateTime, Duration, Utc};

/// Whose failures an attempt counts with: one email from one source address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub email: String,
    pub source: String,
}

/// Failures older than this no longer count.
pub const FAILURE_MEMORY: Duration = Duration::minutes(15);

/// A password check counted as under way for longer than this has ended without being
/// counted back (its server stopped in the middle of it).
pub const CHECK_MEMORY: Duration = Duration::seconds(30);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttle {
    pub failures: i32,
    pub last_failure_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
    /// Password checks under way, until `checking_until`.
    pub checking: i32,
    pub checking_until: Option<DateTime<Utc>>,
}

impl Throttle {
    /// Seconds until another attempt is allowed, when the email is locked now.
    pub fn retry_after(&self, now: DateTime<Utc>) -> Option<u64> {
        let until = self.locked_until?;
        (until > now).then(|| u64::try_from((until - now).num_seconds().max(1)).unwrap_or(1))
    }

    /// Failures that still count at `now`.
    pub fn current_failures(&self, now: DateTime<Utc>) -> i32 {
        if now - self.last_failure_at > FAILURE_MEMORY {
            0
        } else {
            self.failures
        }
    }

    /// Password checks still under way at `now`.
    pub fn current_checks(&self, now: DateTime<Utc>) -> i32 {
        match self.checking_until {
            Some(until) if until > now => self.checking.max(0),
            _ => 0,
        }
    }
}
