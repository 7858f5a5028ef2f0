//! Segments: named groups of customers, either listed by hand (static) or described by a
//! rule (dynamic) that the database evaluates.

pub mod membership;
pub mod ops;
pub mod rule;
pub mod sql;
