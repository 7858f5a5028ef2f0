//! Customers: the profile vocabulary, the rules a profile must satisfy, and the operations
//! that create, change, list and remove customers.

pub mod announce;
pub mod birthday;
pub mod contact;
pub mod convert;
pub mod csv;
pub mod dossier;
pub mod erasure;
pub mod guard;
pub mod handoff;
pub mod history;
pub mod listing;
pub mod ops;
pub mod ownership;
pub mod records;
pub mod rules;
pub mod status;
pub mod summary;
pub mod timeline;
