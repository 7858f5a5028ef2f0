//! User queries.

use entity::users;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::DbResult;
use super::page::Rows;
use crate::model::role::Role;

pub async fn find<C: ConnectionTrait>(db: &C, id: Uuid) -> DbResult<Option<users::Model>> {
    users::Entity::find_by_id(id).one(db).await
}

pub async fn find_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> DbResult<Option<users::Model>> {
    users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(db)
        .await
}

pub async fn count<C: ConnectionTrait>(db: &C) -> DbResult<u64> {
    users::Entity::find().count(db).await
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    model: users::ActiveModel,
) -> DbResult<users::Model> {
    model.insert(db).await
}

/// Users in id order (ids are time-ordered UUID v7, so oldest first), after `after`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    role: Option<&str>,
    active: Option<bool>,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Rows<users::Model>> {
    let mut query = users::Entity::find();
    if let Some(role) = role {
        query = query.filter(users::Column::Role.eq(role));
    }
    if let Some(active) = active {
        query = query.filter(users::Column::Active.eq(active));
    }
    if let Some(after) = after {
        query = query.filter(users::Column::Id.gt(after));
    }
    let query = query.order_by_asc(users::Column::Id);
    super::page::fetch(db, query, limit).await
}

/// The user, locked against changes until the transaction ends; for a user about to be
/// changed (see "Check-then-write").
pub async fn lock<C: ConnectionTrait>(tx: &C, id: Uuid) -> DbResult<Option<users::Model>> {
    users::Entity::find_by_id(id).lock_exclusive().one(tx).await
}

/// The user, read with a shared lock: customers may be assigned to one user by several
/// transactions at once, but not while that user is being deactivated or demoted (`lock`,
/// `FOR UPDATE`, conflicts with it). `FOR KEY SHARE` is the lightest lock that does.
pub async fn lock_shared<C: ConnectionTrait>(tx: &C, id: Uuid) -> DbResult<Option<users::Model>> {
    users::Entity::find_by_id(id)
        .lock(sea_orm::sea_query::LockType::KeyShare)
        .one(tx)
        .await
}

/// Locks every active admin, in id order so that concurrent callers queue instead of
/// deadlocking; the last-admin rule is checked under this lock.
pub async fn lock_active_admins<C: ConnectionTrait>(tx: &C) -> DbResult<Vec<Uuid>> {
    users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::Role.eq(Role::Admin.as_str()))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::Id)
        .lock_exclusive()
        .into_tuple()
        .all(tx)
        .await
}

/// The longest-standing active user with `role` (ids are time-ordered), who takes work that
/// must go to someone with that role.
pub async fn first_active_with_role<C: ConnectionTrait>(
    db: &C,
    role: &str,
) -> DbResult<Option<Uuid>> {
    users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::Role.eq(role))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::Id)
        .into_tuple()
        .one(db)
        .await
}

/// The users with these (normalised) emails.
pub async fn by_emails<C: ConnectionTrait>(
    db: &C,
    emails: &[String],
) -> DbResult<Vec<users::Model>> {
    let mut found = Vec::new();
    for chunk in emails.chunks(500) {
        found.extend(
            users::Entity::find()
                .filter(users::Column::Email.is_in(chunk.iter().cloned()))
                .all(db)
                .await?,
        );
    }
    Ok(found)
}

/// The users of `ids`, in one query.
pub async fn many<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> DbResult<Vec<users::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    users::Entity::find()
        .filter(users::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}
