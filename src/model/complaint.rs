//! The words of service repair: what a complaint is, how urgent, where it stands.

use crate::model::vocabulary;

vocabulary!(
    /// What the customer told us.
    ComplaintKind {
        Complaint => "complaint",
        Suggestion => "suggestion",
        Praise => "praise",
    }
);

vocabulary!(
    ComplaintCategory {
        Product => "product",
        Service => "service",
        Delivery => "delivery",
        Billing => "billing",
        Other => "other",
    }
);

vocabulary!(
    /// How urgent the repair is; each severity has its own deadlines (`/sla-policies`).
    Severity {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
);

vocabulary!(
    /// Where a complaint stands in the repair workflow.
    ComplaintStatus {
        /// Received, not yet answered.
        Open => "open",
        /// Answered with an apology; the first response time is recorded.
        Acknowledged => "acknowledged",
        /// Being repaired.
        InProgress => "in_progress",
        /// The clock is paused until the customer answers.
        WaitingOnCustomer => "waiting_on_customer",
        /// Repaired; a satisfaction follow-up is scheduled.
        Resolved => "resolved",
        /// Not repaired after all (or the customer was not satisfied).
        Reopened => "reopened",
        /// Done, and the customer is satisfied.
        Closed => "closed",
    }
);

vocabulary!(
    /// What an entry of a complaint's history records.
    ComplaintEventKind {
        Created => "created",
        Transition => "transition",
        Assignment => "assignment",
        Escalation => "escalation",
        Note => "note",
        Satisfaction => "satisfaction",
        Updated => "updated",
    }
);

impl ComplaintStatus {
    /// The repaired states; every other one counts in the customer's `open_complaints`.
    pub const REPAIRED: [ComplaintStatus; 2] = [ComplaintStatus::Resolved, ComplaintStatus::Closed];

    /// Not yet repaired.
    pub fn is_open(self) -> bool {
        !Self::REPAIRED.contains(&self)
    }
}
