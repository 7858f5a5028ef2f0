//! The service's business clock: the instant that due times, overdue counts, cadences and
//! scheduler passes are measured against. It reads the system clock; a test holds a copy and
//! moves it forward to watch time pass (an overdue count growing, a birthday coming within the
//! horizon) without waiting. Sign-in and token lifetimes keep the system clock.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, SubsecRound, Utc};

/// The system clock cut to whole milliseconds, the precision every instant the service
/// stores and writes has: JavaScript keeps milliseconds, so a value a frontend reads and sends
/// back compares equal, and SQLite and PostgreSQL answer the same text for the same record.
pub fn system_now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Milliseconds added to the system clock; 0 outside tests.
    shift_ms: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        system_now() + Duration::milliseconds(self.shift_ms.load(Ordering::Relaxed))
    }

    /// Moves this clock, and every copy of it, forward by `by`.
    pub fn advance(&self, by: Duration) {
        self.shift_ms
            .fetch_add(by.num_milliseconds(), Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_whole_milliseconds() {
        let now = Clock::default().now();
        assert_eq!(now.timestamp_subsec_nanos() % 1_000_000, 0);
        assert_eq!(system_now().timestamp_subsec_nanos() % 1_000_000, 0);
    }

    #[test]
    fn copies_move_together() {
        let clock = Clock::default();
        let copy = clock.clone();
        let before = copy.now();
        clock.advance(Duration::days(3));
        let moved = copy.now() - before;
        assert!(moved >= Duration::days(3) && moved < Duration::days(3) + Duration::minutes(1));
    }
}
