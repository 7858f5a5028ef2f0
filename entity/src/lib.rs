//! sea-orm entities, one module per table, as `sea-orm-cli generate entity` would write them.
//! No behaviour lives here: rules are in the service's `domain` module.

pub mod api_keys;
pub mod audit_log;
pub mod complaint_events;
pub mod complaints;
pub mod consent_changes;
pub mod customer_dates;
pub mod customer_handoffs;
pub mod customer_history;
pub mod customer_tags;
pub mod customers;
pub mod domain_events;
pub mod duplicate_dismissals;
pub mod duplicate_pairs;
pub mod events;
pub mod idempotency_keys;
pub mod interactions;
pub mod login_throttle;
pub mod playbooks;
pub mod purchases;
pub mod seeded_defaults;
pub mod segment_members;
pub mod segments;
pub mod sla_policies;
pub mod touchpoints;
pub mod users;
pub mod webhook_attempts;
pub mod webhook_deliveries;
pub mod webhooks;
