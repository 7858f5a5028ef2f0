//! The event feed's rows. A reader walks them in `(tx, seq)` order from a position. On
//! PostgreSQL transactions commit in any order, so a reader is shown only the events of
//! transactions older than every transaction of this database still running (`SETTLED`):
//! once an event is shown, no event can later commit before it, and a reader that resumes
//! from the last event it saw misses nothing and sees nothing twice. A long transaction that
//! writes (a large import) holds back the events committed after it began until it ends. On SQLite writers commit one at a time,
//! each after the rows it wrote, so `seq` alone is that order (`tx` is 0).

use chrono::{DateTime, Utc};
use entity::events;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use super::DbResult;
use crate::model::role::CustomerScope;

pub async fn insert<C: ConnectionTrait>(db: &C, row: events::ActiveModel) -> DbResult<()> {
    events::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn insert_all<C: ConnectionTrait>(
    db: &C,
    rows: Vec<events::ActiveModel>,
) -> DbResult<()> {
    // Some thousands of rows per statement stay under every database's parameter limit.
    for chunk in rows.chunks(1_000) {
        events::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// The position of the newest event written, committed or not; (0, 0) for an empty feed.
pub async fn end<C: ConnectionTrait>(db: &C) -> DbResult<(i64, i64)> {
    Ok(events::Entity::find()
        .order_by_desc(events::Column::Tx)
        .order_by_desc(events::Column::Seq)
        .one(db)
        .await?
        .map_or((0, 0), |e| (e.tx, e.seq)))
}

/// Where an event lies in the feed.
pub async fn position_of<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<(i64, i64)>> {
    Ok(events::Entity::find()
        .filter(events::Column::Id.eq(id))
        .one(db)
        .await?
        .map(|e| (e.tx, e.seq)))
}

/// The events no transaction still running can precede: those of transactions older than
/// every transaction that was in flight when the statement's snapshot was taken, leaving out
/// the ones known to run in other databases of the cluster (xids are cluster-wide, and the
/// events of this database are only written here). A transaction whose database cannot be
/// told (it ended meanwhile, or the role may not see it) holds the feed back until the next
/// read, so nothing is ever shown ahead of an event still to commit. `backend_xid` is the
/// 32-bit form of the 64-bit ids the snapshot lists.
const SETTLED: &str = "tx < coalesce(\
    (SELECT min(x::text::bigint) FROM pg_snapshot_xip(pg_current_snapshot()) AS x \
     WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a \
       WHERE a.backend_xid::text::bigint = x::text::bigint % 4294967296 \
       AND a.datname IS DISTINCT FROM current_database())), \
    pg_snapshot_xmax(pg_current_snapshot())::text::bigint)";

/// What a reader asks for.
pub struct FeedQuery {
    pub after: Option<(i64, i64)>,
    pub kind: Option<&'static str>,
    pub customer_id: Option<Uuid>,
    pub scope: CustomerScope,
    pub limit: u64,
}

/// The next events after the position, oldest first, that no running transaction can still
/// precede.
pub async fn read<C: ConnectionTrait>(db: &C, q: FeedQuery) -> DbResult<Vec<events::Model>> {
    let mut query = events::Entity::find();
    if let Some((tx, seq)) = q.after {
        query = query.filter(
            Condition::any().add(events::Column::Tx.gt(tx)).add(
                Condition::all()
                    .add(events::Column::Tx.eq(tx))
                    .add(events::Column::Seq.gt(seq)),
            ),
        );
    }
    if db.get_database_backend() == DbBackend::Postgres {
        query = query.filter(Expr::cust(SETTLED));
    }
    if let Some(kind) = q.kind {
        query = query.filter(events::Column::Kind.eq(kind));
    }
    if let Some(customer) = q.customer_id {
        query = query.filter(events::Column::CustomerId.eq(customer));
    }
    if let crate::model::role::CustomerScope::OwnedBy(owner) = q.scope {
        query = query.filter(
            events::Column::CustomerId.in_subquery(
                Query::select()
                    .column(entity::customers::Column::Id)
                    .from(entity::customers::Entity)
                    .and_where(entity::customers::Column::OwnerId.eq(owner))
                    .to_owned(),
            ),
        );
    }
    query
        .order_by_asc(events::Column::Tx)
        .order_by_asc(events::Column::Seq)
        .limit(q.limit)
        .all(db)
        .await
}

/// Forgets events that occurred before `before`, at most `limit` of them; returns how many.
pub async fn forget_before<C: ConnectionTrait>(
    db: &C,
    before: DateTime<Utc>,
    limit: u64,
) -> DbResult<u64> {
    let oldest = Query::select()
        .column(events::Column::Seq)
        .from(events::Entity)
        .and_where(events::Column::OccurredAt.lt(before))
        .order_by(events::Column::Seq, sea_orm::Order::Asc)
        .limit(limit)
        .to_owned();
    let result = events::Entity::delete_many()
        .filter(events::Column::Seq.in_subquery(oldest))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
