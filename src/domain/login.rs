//! Login throttling: repeated wrong passwords for one email from one source address are
//! slowed down, then refused for a growing while. Counting per email alone would let anyone
//! keep an account locked for good (one wrong password every quarter of an hour); counting
//! per source alone would let a guesser spread one account's guesses over sources it does
//! not have. The state is kept in the database so every replica applies it.

use chrono::{DateTime, Duration, Utc};

pub use crate::model::login::{Attempt, FAILURE_MEMORY, Throttle};

/// The answer to a throttled attempt.
pub const THROTTLED: &str =
    "too many failed sign-ins for this email from this address; wait before trying again";

/// Failures tolerated (with a growing delay) before the email is locked.
pub const FREE_ATTEMPTS: i32 = 5;
const FIRST_LOCK: Duration = Duration::seconds(30);
const LONGEST_LOCK: Duration = Duration::minutes(15);

/// The state after one more failure at `now`.
pub fn after_failure(previous: Option<Throttle>, now: DateTime<Utc>) -> Throttle {
    let failures = previous.map_or(0, |t| t.current_failures(now)) + 1;
    let locked_until = (failures >= FREE_ATTEMPTS).then(|| {
        let doublings = u32::try_from(failures - FREE_ATTEMPTS).unwrap_or(0).min(10);
        now + (FIRST_LOCK * 2_i32.pow(doublings)).min(LONGEST_LOCK)
    });
    Throttle {
        failures,
        last_failure_at: now,
        locked_until,
    }
}

/// How long a failed attempt waits before it is answered: each failure costs a guesser more.
pub fn failure_delay(failures: i32) -> std::time::Duration {
    std::time::Duration::from_millis(100 * u64::try_from(failures.clamp(0, 10)).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn locks_after_the_free_attempts_and_doubles() {
        let now = at("2026-01-01T10:00:00Z");
        let mut t = None;
        for _ in 0..FREE_ATTEMPTS - 1 {
            t = Some(after_failure(t, now));
            assert_eq!(t.unwrap().retry_after(now), None);
        }
        let fifth = after_failure(t, now);
        assert_eq!(fifth.retry_after(now), Some(30));
        let sixth = after_failure(Some(fifth), now);
        assert_eq!(sixth.retry_after(now), Some(60));
    }

    #[test]
    fn lock_is_capped_and_old_failures_are_forgotten() {
        let now = at("2026-01-01T10:00:00Z");
        let many = Throttle {
            failures: 40,
            last_failure_at: now,
            locked_until: None,
        };
        assert_eq!(after_failure(Some(many), now).retry_after(now), Some(900));
        let later = now + Duration::minutes(16);
        assert_eq!(after_failure(Some(many), later).failures, 1);
    }
}
