//! Cadence arithmetic: when each contact a customer is owed falls due. Pure functions over
//! explicit times (no clock, no database), so every rule is tested with fixed timestamps.
//!
//! * [`duration`]: ISO 8601 durations (`P3D`, `PT24H`, `P1W`, `P1M`), calendar parts added in
//!   the customer's local time, months clamped to the month's end.
//! * [`window`]: moving a due time forward into the customer's contact window, across
//!   midnight, weekends and DST changes.
//! * [`plan`]: a playbook's steps and recurrence from a trigger time, the 7-day skip rule, and
//!   yearly dates (birthdays, important dates; 29 February on 28 February in other years).
//! * [`defaults`]: the playbooks seeded on first start (DESIGN §1).

pub mod defaults;
pub mod duration;
pub mod plan;
pub mod window;
