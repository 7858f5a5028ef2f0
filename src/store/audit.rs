//! The audit trail: appended to, read newest first, and cut only past its retention (the
//! database itself refuses anything else, see the `personal_data` migration).

use chrono::{DateTime, Utc};
use entity::audit_log;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;

pub async fn insert_many<C: ConnectionTrait>(
    db: &C,
    rows: Vec<audit_log::ActiveModel>,
) -> DbResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    audit_log::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// What an audit reader asks for; every part optional.
#[derive(Debug, Default)]
pub struct AuditFilter {
    pub actor_id: Option<Uuid>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// One page of the trail, newest first, before the id `before`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    f: &AuditFilter,
    before: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<audit_log::Model>> {
    use audit_log::Column;
    let mut query = audit_log::Entity::find();
    if let Some(actor) = f.actor_id {
        query = query.filter(Column::ActorId.eq(actor));
    }
    if let Some(t) = &f.entity_type {
        query = query.filter(Column::EntityType.eq(t.as_str()));
    }
    if let Some(id) = &f.entity_id {
        query = query.filter(Column::EntityId.eq(id.as_str()));
    }
    if let Some(action) = &f.action {
        query = query.filter(Column::Action.eq(action.as_str()));
    }
    if let Some(from) = f.from {
        query = query.filter(Column::At.gte(from));
    }
    if let Some(to) = f.to {
        query = query.filter(Column::At.lt(to));
    }
    if let Some(before) = before {
        query = query.filter(Column::Id.lt(before));
    }
    super::page::fetch(db, query.order_by_desc(Column::Id), limit).await
}

/// Deletes up to `limit` rows older than `cutoff`; returns how many went.
pub async fn delete_older<C: ConnectionTrait>(
    db: &C,
    cutoff: DateTime<Utc>,
    limit: u64,
) -> DbResult<u64> {
    use audit_log::Column;
    let ids = Query::select()
        .column(Column::Id)
        .from(audit_log::Entity)
        .and_where(Column::At.lt(cutoff))
        .order_by(Column::Id, sea_orm::Order::Asc)
        .limit(limit)
        .to_owned();
    Ok(audit_log::Entity::delete_many()
        .filter(Column::Id.in_subquery(ids))
        .exec(db)
        .await?
        .rows_affected)
}
