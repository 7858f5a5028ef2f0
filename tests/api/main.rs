#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Black-box tests: each starts the real server on a random port with its own database
//! (SQLite always, PostgreSQL too when RAPPORT_TEST_POSTGRES_URL is set) and speaks HTTP.

mod helpers;

mod agenda;
mod api_keys;
mod auth;
mod budgets;
mod cadences;
mod campaigns;
mod complaints;
mod cors;
mod customer_access;
mod customer_csv;
mod customer_lists;
mod customers;
mod duplicates;
mod errors;
mod escalations;
mod events;
mod expand;
mod faults;
mod fidelity;
mod greetings;
mod idempotency;
mod interactions;
mod openapi;
mod operations;
mod personal_data;
mod playbooks;
mod preconditions;
mod properties;
mod purchases;
mod races;
mod rate_limits;
mod read_paths;
mod records;
mod relationship_health;
mod relationships;
mod replica;
mod reports;
mod scheduler;
mod security;
mod segment_operators;
mod segments;
mod shutdown;
mod touchpoints;
mod users;
mod webhooks;
