//! Customers: the profile vocabulary, the rules a profile must satisfy, and the operations
//! that create, change, list and remove customers.

pub mod birthday;
pub mod convert;
pub mod csv;
pub mod history;
pub mod list;
pub mod ops;
pub mod ownership;
pub mod rules;
pub mod timeline;
