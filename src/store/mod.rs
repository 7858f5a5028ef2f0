//! Persistence: one small repository module per aggregate, over the sea-orm entities.
//! Handlers never reach this layer directly; domain operations do.

pub mod customers;
pub mod idempotency;
pub mod login;
pub mod users;
