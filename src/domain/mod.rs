//! The rules that make Rapport what it is, in plain Rust: roles and record-level access,
//! tokens and passwords, login throttling, and the customer profile rules. Operations that
//! persist live beside their rules and use the `store` repositories.

pub mod agenda;
pub mod budget;
pub mod cadence;
pub mod campaign;
pub mod complaint;
pub mod customer;
pub mod greetings;
pub mod idempotency;
pub mod interaction;
pub mod login;
pub mod page;
pub mod password;
pub mod playbook;
pub mod purchase;
pub mod report;
pub mod schedule;
pub mod segment;
pub mod token;
pub mod touchpoint;
pub mod user;
pub mod version;
