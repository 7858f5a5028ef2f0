//! The rules that make Rapport what it is, in plain Rust: record-level access, tokens and
//! passwords, login throttling, the customer profile rules, cadences and service repair.
//! Operations that persist live beside their rules and use the `store` repositories.
//!
//! # Two tiers
//!
//! Each aggregate has a lower tier that other aggregates may call inside their own
//! transaction, and use cases on top that only the HTTP layer and the scheduler call:
//!
//! | aggregate | lower tier | use cases |
//! |---|---|---|
//! | customer | `guard`, `handoff`, `records`, `listing`, `history`, `convert`, `rules`, `summary` | `ops`, `ownership`, `timeline`, `csv` |
//! | touchpoint | `row`, `closing` | `ops` |
//! | interaction | `record` | `ops` |
//! | complaint | `row`, `handover`, `events`, `sla`, `workflow`, `policy` | `ops`, `edit`, `transition`, `escalation` |
//! | segment | `membership`, `rule`, `sql` | `ops` |
//! | purchase, playbook, user | (none called from elsewhere) | the module itself |
//!
//! `schedule` (the cadence turned into touchpoints) and `consent` (where it may reach) are
//! lower tier too. A use case never imports another aggregate's use cases; what two use cases
//! share moves down a tier.
//! Every table hanging off a customer is listed once, in `customer::records`.

pub mod agenda;
pub mod api_key;
pub mod audit;
pub mod budget;
pub mod cadence;
pub mod campaign;
pub mod complaint;
pub mod consent;
pub mod customer;
pub mod duplicate;
pub mod feed;
pub mod greetings;
pub mod idempotency;
pub mod interaction;
pub mod login;
pub mod page;
pub mod password;
pub mod playbook;
pub mod purchase;
pub mod rate_limit;
pub mod report;
pub mod retention;
pub mod schedule;
pub mod segment;
pub mod token;
pub mod touchpoint;
pub mod user;
pub mod version;
pub mod webhook;
