//! What a CSV import of customers needs from the store: the customers its rows name, new
//! customers written in batches, one import at a time, and fresh planner statistics after.

use entity::{customer_dates, customer_tags, customers};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::DbResult;
use crate::model::role::CustomerScope;

/// A visible customer an import row may name: its id, email and E.164 phone.
pub struct Match {
    pub id: Uuid,
    pub email: Option<String>,
    pub phone_e164: Option<String>,
}

/// The visible customers with one of these ids, (lower-case) emails or E.164 phones, oldest
/// first.
pub async fn matching<C: ConnectionTrait>(
    db: &C,
    scope: CustomerScope,
    ids: &[Uuid],
    emails: &[String],
    phones: &[String],
) -> DbResult<Vec<Match>> {
    let mut found = Vec::new();
    let lookups: [(customers::Column, Vec<sea_orm::Value>); 3] = [
        (
            customers::Column::Id,
            ids.iter().map(|v| (*v).into()).collect(),
        ),
        (
            customers::Column::Email,
            emails.iter().map(|v| v.clone().into()).collect(),
        ),
        (
            customers::Column::PhoneE164,
            phones.iter().map(|v| v.clone().into()).collect(),
        ),
    ];
    for (column, values) in lookups {
        for chunk in values.chunks(500) {
            let rows: Vec<(Uuid, Option<String>, Option<String>)> = customers::Entity::find()
                .select_only()
                .column(customers::Column::Id)
                .column(customers::Column::Email)
                .column(customers::Column::PhoneE164)
                .filter(super::scope::customers(scope))
                .filter(column.is_in(chunk.iter().cloned()))
                .order_by_asc(customers::Column::Id)
                .into_tuple()
                .all(db)
                .await?;
            found.extend(rows.into_iter().map(|(id, email, phone_e164)| Match {
                id,
                email,
                phone_e164,
            }));
        }
    }
    Ok(found)
}

/// Customers per insert: about 45 columns each stay under SQLite's 32,766 parameters.
const INSERT_BATCH: usize = 300;

/// New customers with their tags, recurring-date month-days and history, in batches small
/// enough for either database's limit on bound parameters.
pub async fn insert_new<C: ConnectionTrait>(
    db: &C,
    rows: Vec<customers::ActiveModel>,
    tags: Vec<customer_tags::ActiveModel>,
    dates: Vec<customer_dates::ActiveModel>,
    history: Vec<entity::customer_history::ActiveModel>,
) -> DbResult<()> {
    batches(db, rows, INSERT_BATCH).await?;
    batches(db, tags, 5000).await?;
    batches(db, dates, 5000).await?;
    batches(db, history, 2000).await
}

async fn batches<C: ConnectionTrait, A>(db: &C, rows: Vec<A>, size: usize) -> DbResult<()>
where
    A: sea_orm::ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(size).collect();
        <A::Entity as EntityTrait>::insert_many(batch)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Writes changed customers whole (every column of each row is set), a batch a statement,
/// with their history, and replaces the tags of the `retagged` ones with `tags`.
pub async fn rewrite<C: ConnectionTrait>(
    db: &C,
    rows: Vec<customers::ActiveModel>,
    history: Vec<entity::customer_history::ActiveModel>,
    retagged: &[Uuid],
    tags: Vec<(Uuid, String)>,
) -> DbResult<()> {
    use sea_orm::Iterable;
    use sea_orm::sea_query::OnConflict;
    let columns: Vec<customers::Column> = customers::Column::iter()
        .filter(|c| !matches!(c, customers::Column::Id))
        .collect();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<_> = rows.by_ref().take(INSERT_BATCH).collect();
        customers::Entity::insert_many(batch)
            .on_conflict(
                OnConflict::column(customers::Column::Id)
                    .update_columns(columns.iter().copied())
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    batches(db, history, 2000).await?;
    for chunk in retagged.chunks(500) {
        customer_tags::Entity::delete_many()
            .filter(customer_tags::Column::CustomerId.is_in(chunk.iter().copied()))
            .exec(db)
            .await?;
    }
    let tags = tags
        .into_iter()
        .map(|(customer_id, tag)| customer_tags::ActiveModel {
            customer_id: sea_orm::Set(customer_id),
            tag: sea_orm::Set(tag),
        })
        .collect();
    batches(db, tags, 5000).await
}

/// Refreshes PostgreSQL's planner statistics of the customer tables after a bulk load
/// (SQLite plans from its indexes without them).
pub async fn refresh_statistics<C: ConnectionTrait>(db: &C) -> DbResult<()> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared("ANALYZE customers, customer_tags, customer_dates, customer_history")
            .await?;
    }
    Ok(())
}

/// Makes imports wait for one another on every replica until the transaction ends, so that
/// a second import of the same file sees the customers the first one created. SQLite's
/// write lock, taken at `BEGIN`, does this by itself.
pub async fn lock_imports<C: ConnectionTrait>(tx: &C) -> DbResult<()> {
    if tx.get_database_backend() == sea_orm::DbBackend::Postgres {
        // A key of this application's own, used for nothing else.
        tx.execute_unprepared("SELECT pg_advisory_xact_lock(72616970)")
            .await?;
    }
    Ok(())
}
