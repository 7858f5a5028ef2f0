//! Complaints past a deadline escalate, once per deadline.

use super::Pass;
use crate::domain::complaint::escalation::escalate_due;

pub const PASS: Pass = Pass {
    name: "complaint_escalations",
    description: "Escalates open complaints past their first-response or resolution deadline, once per deadline",
    run: |db, _, now| Box::pin(escalate_due(db, now)),
};
