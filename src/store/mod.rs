//! Persistence: one small repository module per aggregate, over the sea-orm entities.
//! Handlers never reach this layer directly; domain operations do.

pub mod customers;
pub mod events;
pub mod history;
pub mod idempotency;
pub mod interactions;
pub mod login;
pub mod page;
pub mod purchases;
pub mod segments;
pub mod users;

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
