//! Persistence: one small repository module per aggregate, over the sea-orm entities.
//! Handlers never reach this layer directly; domain operations do.
//!
//! # Check-then-write
//!
//! PostgreSQL runs READ COMMITTED: a rule checked on rows read earlier in a transaction can be
//! broken by a concurrent one before the write lands (two first purchases in two currencies,
//! two admins demoting each other, a counter read and written back). The pattern here: open
//! the transaction with `db::begin_write`, then read the row the rule hangs on with a `lock_*`
//! function (`SELECT … FOR UPDATE`, or `FOR SHARE` where concurrent readers may proceed
//! together), check, write, commit. Concurrent writers of the same parent queue on its row and
//! each sees what the previous one committed. On SQLite `begin_write` takes the database's
//! write lock at `BEGIN`, which serialises writers by itself (sea-query leaves the `FOR`
//! clause out there). Derived figures are recomputed from their rows under that lock, never
//! read, adjusted and written back. A new resource with a parent copies this: lock the parent
//! first, always in the same order (parent, then child; several rows in id order), so that two
//! writers never wait for each other. The order of a customer's records is the order of the
//! registry, `domain::customer::records`; `derived::refresh` recomputes every figure the
//! customer row derives from them; `versioned` holds the one version-checked update and the
//! one lock of a record for change; `scope` the one visibility condition.

pub mod api_keys;
pub mod audit;
pub mod complaints;
pub mod consent;
pub mod customer_import;
pub mod customer_records;
pub mod customer_rows;
pub mod customers;
pub mod derived;
pub mod duplicates;
pub mod events;
pub mod feed;
pub mod history;
pub mod idempotency;
pub mod interactions;
pub mod login;
pub mod page;
pub mod playbooks;
pub mod purchases;
pub mod reports;
pub mod retention;
pub mod scope;
pub mod segments;
pub mod touchpoints;
pub mod users;
pub mod versioned;
pub mod webhooks;

/// A case-insensitive `LIKE` pattern (escaped with a backslash) for text containing `text`:
/// the wildcards a user types are matched literally.
pub fn contains_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Persistence answers with the database's own errors; the domain decides what they mean.
pub type DbResult<T> = Result<T, sea_orm::DbErr>;
