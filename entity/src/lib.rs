//! sea-orm entities, one module per table, as `sea-orm-cli generate entity` would write them.
//! No behaviour lives here: rules are in the service's `domain` module.

pub mod customer_tags;
pub mod customers;
pub mod idempotency_keys;
pub mod login_throttle;
pub mod users;
