//! Rapport: customer-relationship maintenance as an HTTP/JSON service.
//!
//! Layers, each knowing only those below it: `http` (handlers), `scheduler` (the background
//! worker), `domain` (rules and operations), `store` (persistence over the `entity` crate),
//! `dto` (the API's bodies and parameters), and `model` (the vocabularies, value types, roles
//! and the domain error every layer shares), with `startup` wiring it together.
//! `../shared/tools/import-graph` checks that no file imports a layer above its own and that
//! no files import each other in a circle.

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
