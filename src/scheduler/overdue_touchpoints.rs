//! Touchpoints that became overdue are announced on the event feed, once each.

use super::Pass;
use crate::domain::touchpoint::row::announce_overdue;

pub const PASS: Pass = Pass {
    name: "overdue_touchpoints",
    description: "Announces touchpoints that have become overdue (touchpoint.overdue), once each",
    run: |db, _, now| Box::pin(announce_overdue(db, now)),
};
