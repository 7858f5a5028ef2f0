//! Service repair: complaints, suggestions and praise are received, acknowledged, given a
//! remediation plan, resolved and followed up until the customer is satisfied.
//!
//! * [`workflow`]: the state machine, one table of transitions (pure).
//! * [`sla`]: deadlines from the severity's policy, the clock paused while waiting on the
//!   customer, `breached`, and which deadline escalates next (pure).
//! * [`row`]: the complaint as shown and the guards that find one (the lower tier).
//! * [`ops`]: receive, read and list, with record-level access.
//! * [`edit`]: the descriptive fields and notes.
//! * [`handover`]: open complaints moving to another holder, inside another write.
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
pub mod handover;
pub mod ops;
pub mod policy;
pub mod row;
pub mod sla;
pub mod transition;
pub mod workflow;
