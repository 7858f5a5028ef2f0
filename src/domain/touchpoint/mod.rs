//! Touchpoints: each contact a customer is owed. Agents see and act on the touchpoints of
//! their own customers only; every change keeps the customer's next due time right, under the
//! customer's row lock (see `store`, "Check-then-write"). `overdue` is derived when read.

//!
//! * [`row`]: the touchpoint as shown, a new one about to be scheduled, and the guards that
//!   find one (the lower tier: other aggregates and the cadence use it).
//! * [`closing`]: closing a touchpoint as done inside another write (an interaction naming it).
//! * [`ops`]: the touchpoint use cases.

pub mod closing;
pub mod ops;
pub mod row;
