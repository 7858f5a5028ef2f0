//! `/api/v1/users`: user management, for admins.

use actix_web::{HttpResponse, get, patch, post, web};
use uuid::Uuid;

use crate::domain::user as users;
use crate::dto::page::{Page, PageQuery};
use crate::dto::user::{User, UserCreate, UserListQuery, UserPatch};
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, IfMatch, Json, Query};
use crate::http::headers::{IdempotencyKeyHeader, IfMatchHeader};
use crate::http::responses::{ListErrors, ReadErrors, WriteErrors};
use crate::http::state::AppState;

/// List users
///
/// Admins only. Every user, oldest first, with the filters below and keyset pages.
#[utoipa::path(
    tag = "users",
    params(PageQuery, UserListQuery),
    responses((status = 200, description = "A page of users", body = Page<User>), ListErrors),
    security(("bearer" = []))
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<UserListQuery>,
    page: Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(super::page(
        &users::list(&state.db, &caller.0, query.0, page.0).await?,
    ))
}

/// Create a user
///
/// Admins only. The email must be new (409 otherwise) and the password at least 12 characters;
/// it is stored as an Argon2 hash and never shown.
#[utoipa::path(
    tag = "users",
    request_body = UserCreate,
    params(IdempotencyKeyHeader),
    responses((status = 201, description = "Created", body = User), WriteErrors),
    security(("bearer" = []))
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<UserCreate>,
) -> ApiResult<HttpResponse> {
    let user = users::create(&state.db, &caller.0, body.0, state.clock.now()).await?;
    Ok(super::created(
        format!("/api/v1/users/{}", user.id),
        user.version,
        &user,
    ))
}

/// Get a user
///
/// Admins only. The `ETag` is what a change sends back in `If-Match`.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "User id")),
    responses((status = 200, description = "The user", body = User), ReadErrors),
    security(("bearer" = []))
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let user = users::get(&state.db, &caller.0, id.into_inner()).await?;
    Ok(super::with_etag(user.version, &user))
}

/// Change a user
///
/// Deactivating a user who still owns customers or holds open complaints is refused with
/// 409 unless `reassign_to` names a successor, as is removing the last active admin.
#[utoipa::path(
    tag = "users",
    request_body = UserPatch,
    params(
        ("id" = Uuid, Path, description = "User id"),
        IfMatchHeader,
    ),
    responses((status = 200, description = "The changed user", body = User), WriteErrors),
    security(("bearer" = []))
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UserPatch>,
) -> ApiResult<HttpResponse> {
    let user = users::update(
        &state.db,
        &caller.0,
        id.into_inner(),
        &if_match.0,
        body.0,
        state.clock.now(),
    )
    .await?;
    Ok(super::with_etag(user.version, &user))
}
