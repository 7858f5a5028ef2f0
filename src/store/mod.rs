//! Persistence: one small repository module per aggregate, over the sea-orm entities.
//! Handlers never reach this layer directly; domain operations do.

pub mod customers;
pub mod idempotency;
pub mod login;
pub mod users;

/// Lists fetch one row more than the page; that extra row only says another page follows.
pub fn split_page<T>(mut rows: Vec<T>, limit: u64) -> (Vec<T>, bool) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    (rows, more)
}
