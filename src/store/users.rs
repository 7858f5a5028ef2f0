//! User queries.

use entity::users;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

pub async fn find<C: ConnectionTrait>(db: &C, id: Uuid) -> ApiResult<Option<users::Model>> {
    Ok(users::Entity::find_by_id(id).one(db).await?)
}

pub async fn find_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> ApiResult<Option<users::Model>> {
    Ok(users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(db)
        .await?)
}

pub async fn count<C: ConnectionTrait>(db: &C) -> ApiResult<u64> {
    Ok(users::Entity::find().count(db).await?)
}

pub async fn insert<C: ConnectionTrait>(
    db: &C,
    model: users::ActiveModel,
) -> ApiResult<users::Model> {
    model.insert(db).await.map_err(|e| match ApiError::from(e) {
        ApiError::Conflict(_) => ApiError::Conflict("a user with this email already exists".into()),
        other => other,
    })
}

pub async fn update_if_version<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    expected_version: i32,
    model: users::ActiveModel,
) -> ApiResult<()> {
    let result = users::Entity::update_many()
        .set(model)
        .filter(users::Column::Id.eq(id))
        .filter(users::Column::Version.eq(expected_version))
        .exec(db)
        .await
        .map_err(|e| match ApiError::from(e) {
            ApiError::Conflict(_) => {
                ApiError::Conflict("a user with this email already exists".into())
            }
            other => other,
        })?;
    if result.rows_affected == 0 {
        return Err(ApiError::PreconditionFailed(
            "the user changed while this request was processed; fetch it again and retry".into(),
        ));
    }
    Ok(())
}

/// Users in id order (ids are time-ordered UUID v7, so oldest first), after `after`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    role: Option<&str>,
    active: Option<bool>,
    after: Option<Uuid>,
    limit: u64,
) -> ApiResult<(Vec<users::Model>, bool)> {
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
    let rows = query
        .order_by_asc(users::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    Ok(super::split_page(rows, limit))
}
