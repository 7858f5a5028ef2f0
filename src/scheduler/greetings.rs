//! Birthdays and recurring important dates coming within the horizon become touchpoints.

use super::Pass;
use crate::domain::greetings::{HORIZON_DAYS, schedule_due};

pub const PASS: Pass = Pass {
    name: "yearly_greetings",
    description: "Schedules birthday and important-date touchpoints coming within 30 days",
    run: |db, _, now| Box::pin(schedule_due(db, now, HORIZON_DAYS)),
};
