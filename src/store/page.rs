//! The store's half of keyset pagination: a list reads one row past the page, and that extra
//! row only says that another page follows.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Select,
};
use uuid::Uuid;

use super::DbResult;

/// One page of rows, and whether more follow it.
#[derive(Debug)]
pub struct Rows<M> {
    pub items: Vec<M>,
    pub more: bool,
}

impl<M> Rows<M> {
    /// Cuts rows read one past the page down to the page.
    pub fn cut(mut items: Vec<M>, limit: u64) -> Self {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let more = items.len() > limit;
        items.truncate(limit);
        Self { items, more }
    }
}

/// Runs an ordered, filtered query for one page of `limit` rows.
pub async fn fetch<E, C>(db: &C, query: Select<E>, limit: u64) -> DbResult<Rows<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let items = query.limit(limit + 1).all(db).await?;
    Ok(Rows::cut(items, limit))
}

/// Where a customer's rows of one kind are read newest first: the entity's customer, time and
/// id columns.
pub struct Newest<E: EntityTrait> {
    pub customer: E::Column,
    pub at: E::Column,
    pub id: E::Column,
}

/// A page of one customer's rows, newest first, before the `(at, id)` position (see
/// [`before`] for `whole_instant`).
pub async fn newest_of_customer<E, C>(
    db: &C,
    columns: Newest<E>,
    customer_id: Uuid,
    position: Option<(DateTime<Utc>, Uuid)>,
    whole_instant: bool,
    limit: u64,
) -> DbResult<Rows<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut query = E::find().filter(columns.customer.eq(customer_id));
    if let Some((at, id)) = position {
        query = query.filter(before(columns.at, columns.id, at, id, whole_instant));
    }
    let query = query.order_by_desc(columns.at).order_by_desc(columns.id);
    fetch(db, query, limit).await
}

/// Rows strictly before `(at, id)` in descending order. With `whole_instant`, every row at
/// `at` counts as before (used when merging kinds that sort after this one at equal times).
pub fn before<A, I>(
    at_col: A,
    id_col: I,
    at: DateTime<Utc>,
    id: Uuid,
    whole_instant: bool,
) -> Condition
where
    A: ColumnTrait,
    I: ColumnTrait,
{
    if whole_instant {
        return Condition::all().add(at_col.lte(at));
    }
    Condition::any()
        .add(at_col.lt(at))
        .add(Condition::all().add(at_col.eq(at)).add(id_col.lt(id)))
}

/// Rows strictly after `(at, id)` in ascending order.
pub fn after<A, I>(at_col: A, id_col: I, at: DateTime<Utc>, id: Uuid) -> Condition
where
    A: ColumnTrait,
    I: ColumnTrait,
{
    Condition::any()
        .add(at_col.gt(at))
        .add(Condition::all().add(at_col.eq(at)).add(id_col.gt(id)))
}
