//! Rapport: customer-relationship maintenance as an HTTP/JSON service.
//!
//! Layers, each knowing only those below it: `http` (handlers), `domain` (rules and
//! operations), `store` (persistence over the `entity` crate), with `scheduler` as the
//! background worker and `startup` wiring it together.

#![recursion_limit = "256"]

pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod dto;
pub mod http;
pub mod model;
pub mod probe;
pub mod scheduler;
pub mod startup;
pub mod store;
pub mod telemetry;
