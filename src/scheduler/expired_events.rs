//! The event feed keeps events for its retention period.

use super::Pass;
use crate::domain::feed::forget_expired;

pub const PASS: Pass = Pass {
    name: "expired_events",
    description: "Forgets events older than the feed's retention period",
    run: |db, options, now| Box::pin(forget_expired(db, options.event_retention, now)),
};
