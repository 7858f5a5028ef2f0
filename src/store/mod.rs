//! Persistence: one small repository module per aggregate, over the sea-orm entities.
//! Handlers never reach this layer directly; domain operations do.

pub mod customers;
pub mod events;
pub mod history;
pub mod idempotency;
pub mod interactions;
pub mod login;
pub mod purchases;
pub mod segments;
pub mod users;

/// Lists fetch one row more than the page; that extra row only says another page follows.
pub fn split_page<T>(mut rows: Vec<T>, limit: u64) -> (Vec<T>, bool) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    (rows, more)
}

/// Rows strictly before `(at, id)` in descending order. With `whole_instant`, every row at
/// `at` counts as before (used when merging kinds that sort after this one at equal times).
pub fn before_condition<A, I>(
    at_col: A,
    id_col: I,
    at: chrono::DateTime<chrono::Utc>,
    id: uuid::Uuid,
    whole_instant: bool,
) -> sea_orm::Condition
where
    A: sea_orm::ColumnTrait,
    I: sea_orm::ColumnTrait,
{
    use sea_orm::Condition;
    if whole_instant {
        return Condition::all().add(at_col.lte(at));
    }
    Condition::any()
        .add(at_col.lt(at))
        .add(Condition::all().add(at_col.eq(at)).add(id_col.lt(id)))
}
