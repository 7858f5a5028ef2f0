//! Interactions: every contact with a customer. Logging, changing or deleting one keeps the
//! customer's contact times right in the same transaction.

//!
//! * [`record`]: logging an interaction inside any write (a touchpoint completed, a
//!   complaint answered) and the rule on its time: the lower tier others call.
//! * [`ops`]: the interaction use cases.

pub mod ops;
pub mod record;
