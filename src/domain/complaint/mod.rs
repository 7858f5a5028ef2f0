//! Service repair: complaints, suggestions and praise are received, acknowledged, given a
//! remediation plan, resolved and followed up until the customer is satisfied.
//!
//! * [`workflow`]: the state machine, one table of transitions (pure).
//! * [`sla`]: deadlines from the severity's policy, the clock paused while waiting on the
//!   customer, `breached`, and which deadline escalates next (pure).
//! * [`ops`]: receive, read and list, with record-level access.
//! * [`edit`]: the descriptive fields, notes, and hand-overs of open complaints.
//! * [`transition`]: moving a complaint through the workflow and what each step sets off.
//! * [`escalation`]: the scheduler pass that escalates missed deadlines, once per deadline.
//! * [`policy`]: the SLA policy of each severity.
//!
//! Agents see and act on the complaints of their own customers only. Every write locks the
//! customer first, then the complaint (see `store`, "Check-then-write"), and keeps the
//! customer's `open_complaints` exact by counting under that lock.

pub mod edit;
pub mod escalation;
pub mod events;
pub mod ops;
pub mod policy;
pub mod sla;
pub mod transition;
pub mod workflow;

use crate::domain::vocabulary;

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
