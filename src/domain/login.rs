//! Login throttling: repeated wrong passwords for one email from one source address are
//! slowed down, then refused for a growing while. Counting per email alone would let anyone
//! keep an account locked for good (one wrong password every quarter of an hour); counting
//! per source alone would let a guesser spread one account's guesses over sources it does
//! not have. The state is kept in the database so every replica applies it.
//!
//! Only wrong passwords count. Guesses sent all at once are held back another way: the
//! checks under way are counted too, and no more are started than the failures left before
//! the lock, so that however many arrive together, at most [`FREE_ATTEMPTS`] are checked
//! before the lock; the others wait for a check to end rather than being refused, so that
//! right passwords sent at once (several tabs, an integration's workers) all pass.

use chrono::{DateTime, Duration, Utc};

pub use crate::model::login::{Attempt, CHECK_MEMORY, FAILURE_MEMORY, Throttle};

/// The answer to a throttled attempt.
pub const THROTTLED: &str =
    "too many failed sign-ins for this email from this address; wait before trying again";

/// The answer to an attempt that waited too long for the checks sent with it.
pub const BUSY: &str =
    "too many sign-ins for this email from this address at once; try again in a moment";

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
        checking: previous.map_or(0, |t| t.current_checks(now)),
        checking_until: previous.and_then(|t| t.checking_until),
    }
}

/// What an attempt may do given the state of its email and source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// Locked: refused, to be tried again after this many seconds.
    Refused(u64),
    /// As many checks are under way as failures are left: wait for one to end.
    Wait,
    /// Check the password; the state with this check counted as under way.
    Check(Throttle),
}

/// Whether an attempt at `now` may have its password checked.
pub fn admit(t: Throttle, now: DateTime<Utc>) -> Admission {
    if let Some(secs) = t.retry_after(now) {
        return Admission::Refused(secs);
    }
    let checking = t.current_checks(now);
    // Past an expired lock, one check at a time: each further failure locks again.
    let room = (FREE_ATTEMPTS - t.current_failures(now)).max(1);
    if checking >= room {
        return Admission::Wait;
    }
    Admission::Check(Throttle {
        checking: checking + 1,
        checking_until: Some(now + CHECK_MEMORY),
        ..t
    })
}

/// The state once a check admitted by [`admit`] has ended: a wrong password is one more
/// failure, a right one forgets the failures.
pub fn after_check(t: Throttle, right: bool, now: DateTime<Utc>) -> Throttle {
    let checking = (t.current_checks(now) - 1).max(0);
    let next = if right {
        Throttle {
            failures: 0,
            locked_until: None,
            ..t
        }
    } else {
        after_failure(Some(t), now)
    };
    Throttle { checking, ..next }
}

impl Throttle {
    /// Nothing is left to remember: no failure, no check under way.
    pub fn is_clear(&self, now: DateTime<Utc>) -> bool {
        self.current_failures(now) == 0 && self.current_checks(now) == 0
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
            checking: 0,
            checking_until: None,
        };
        assert_eq!(after_failure(Some(many), now).retry_after(now), Some(900));
        let later = now + Duration::minutes(16);
        assert_eq!(after_failure(Some(many), later).failures, 1);
    }

    fn fresh(now: DateTime<Utc>) -> Throttle {
        Throttle {
            failures: 0,
            last_failure_at: now,
            locked_until: None,
            checking: 0,
            checking_until: None,
        }
    }

    /// Admits attempts until one must wait, returning the state and how many were admitted.
    fn admit_all(mut t: Throttle, now: DateTime<Utc>) -> (Throttle, i32) {
        let mut admitted = 0;
        while let Admission::Check(next) = admit(t, now) {
            t = next;
            admitted += 1;
        }
        (t, admitted)
    }

    #[test]
    fn guesses_at_once_are_checked_no_more_than_the_free_attempts() {
        let now = at("2026-01-01T10:00:00Z");
        let (mut t, admitted) = admit_all(fresh(now), now);
        assert_eq!(admitted, FREE_ATTEMPTS);
        assert_eq!(admit(t, now), Admission::Wait);
        let mut checked = admitted;
        // Each wrong answer frees its place, but the failures now fill it.
        for _ in 0..admitted {
            t = after_check(t, false, now);
            let (next, more) = admit_all(t, now);
            t = next;
            checked += more;
        }
        assert_eq!(checked, FREE_ATTEMPTS);
        assert_eq!(t.checking, 0);
        assert_eq!(admit(t, now), Admission::Refused(30));
    }

    #[test]
    fn right_passwords_at_once_wait_for_each_other_and_are_never_refused() {
        let now = at("2026-01-01T10:00:00Z");
        let (mut t, admitted) = admit_all(fresh(now), now);
        let mut passed = 0;
        let mut waiting = 20 - admitted;
        let mut under_way = admitted;
        while under_way > 0 {
            t = after_check(t, true, now);
            under_way -= 1;
            passed += 1;
            while waiting > 0 {
                let Admission::Check(next) = admit(t, now) else {
                    break;
                };
                t = next;
                waiting -= 1;
                under_way += 1;
            }
        }
        assert_eq!(passed, 20);
        assert!(t.is_clear(now));
    }

    #[test]
    fn a_right_password_while_guesses_are_checked_forgets_their_failures() {
        let now = at("2026-01-01T10:00:00Z");
        let (t, _) = admit_all(fresh(now), now);
        let t = after_check(t, false, now);
        let t = after_check(t, true, now);
        assert_eq!(t.failures, 0);
        assert_eq!(t.checking, FREE_ATTEMPTS - 2);
        assert!(matches!(admit(t, now), Admission::Check(_)));
    }

    #[test]
    fn past_an_expired_lock_one_check_at_a_time() {
        let now = at("2026-01-01T10:00:00Z");
        let mut t = fresh(now);
        for _ in 0..FREE_ATTEMPTS {
            t = after_failure(Some(t), now);
        }
        let later = now + Duration::seconds(31);
        let Admission::Check(one) = admit(t, later) else {
            panic!("the lock has expired")
        };
        assert_eq!(admit(one, later), Admission::Wait);
        assert_eq!(
            admit(after_check(one, false, later), later),
            Admission::Refused(60)
        );
    }

    #[test]
    fn a_check_never_counted_back_is_forgotten() {
        let now = at("2026-01-01T10:00:00Z");
        let (t, _) = admit_all(fresh(now), now);
        assert_eq!(admit(t, now), Admission::Wait);
        let later = now + CHECK_MEMORY + Duration::seconds(1);
        assert!(matches!(admit(t, later), Admission::Check(_)));
    }
}
