//! Signing in and the caller's own profile.

use actix_web::{HttpMessage, HttpRequest, HttpResponse, get, post, web};

use crate::domain::user as users;
use crate::dto::auth::{TokenRequest, TokenResponse};
use crate::dto::user::User;
use crate::http::error::ApiResult;
use crate::http::extract::{Caller, Json, client_address};
use crate::http::responses::{ReadErrors, SignInErrors};
use crate::http::state::AppState;

/// Exchange email and password for an access token
///
/// Repeated wrong passwords for one email from one address are slowed down and then refused
/// with 429 for a growing while; the same email from another address is not held back.
#[utoipa::path(
    tag = "auth",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "A bearer token", body = TokenResponse),
        SignInErrors,
    ),
    security(())
)]
#[post("/token")]
pub async fn create_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<TokenRequest>,
) -> ApiResult<HttpResponse> {
    let source = client_address(&req, &state.trusted_proxies);
    let (token, user_id) = users::sign_in(
        &state.db,
        &state.tokens,
        &body.0.email,
        &body.0.password,
        &source,
        crate::clock::system_now(),
    )
    .await?;
    req.extensions_mut()
        .insert(crate::http::audit::SignedIn(user_id));
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(token))
}

/// The authenticated caller
///
/// The user the bearer token stands for: role, timezone and the rest of the profile. A token
/// of a deactivated user is refused with 401.
#[utoipa::path(
    tag = "auth",
    responses((status = 200, description = "The caller", body = User), ReadErrors),
    security(("bearer" = []))
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let me = users::me(&state.db, &caller.0).await?;
    Ok(crate::http::with_etag(me.version, &me))
}
