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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttle {
    pub failures: i32,
    pub last_failure_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
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
}
