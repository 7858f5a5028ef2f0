//! Cross-origin access for browser frontends. actix-cors checks the origin, answers
//! preflights and adds the response headers; `preflight` below narrows a preflight's methods
//! to those of the route it asks about, answers it 204, and turns a refused one into a
//! problem document. Bearer tokens travel in a header, never in cookies, so credentials are
//! never allowed.

use actix_cors::Cors;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError, web};

use crate::config::CorsOrigins;
use crate::http::error::ApiError;
use crate::http::routing::MethodTable;

/// The request headers the API reads, which a browser must be allowed to send.
pub const REQUEST_HEADERS: [HeaderName; 5] = [
    header::AUTHORIZATION,
    header::CONTENT_TYPE,
    header::IF_MATCH,
    HeaderName::from_static("idempotency-key"),
    HeaderName::from_static("x-request-id"),
];

/// The response headers a frontend reads: concurrency, creation, tracing, retries, replays,
/// download names and the rate-limit headers.
pub const EXPOSED_HEADERS: [HeaderName; 8] = [
    header::ETAG,
    header::LOCATION,
    HeaderName::from_static("x-request-id"),
    header::RETRY_AFTER,
    HeaderName::from_static("idempotent-replayed"),
    header::CONTENT_DISPOSITION,
    super::rate_limit::RATELIMIT,
    super::rate_limit::RATELIMIT_POLICY,
];

/// How long a browser may reuse a preflight's answer, in seconds.
pub const MAX_AGE_SECS: usize = 3600;

/// The CORS middleware for `origins`; with none, every cross-origin request is refused.
pub fn middleware(origins: &CorsOrigins) -> Cors {
    let cors = Cors::default()
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allowed_headers(REQUEST_HEADERS)
        .expose_headers(EXPOSED_HEADERS)
        .max_age(MAX_AGE_SECS)
        // An origin not listed gets an answer without CORS headers, which its browser then
        // withholds from the page; the server need not refuse a request it would serve to
        // anyone with a token.
        .block_on_origin_mismatch(false);
    match origins {
        CorsOrigins::None => cors,
        CorsOrigins::Any => cors.allow_any_origin().send_wildcard(),
        CorsOrigins::Listed(list) => list
            .iter()
            .fold(cors, |cors, origin| cors.allowed_origin(origin)),
    }
}

fn is_preflight(req: &ServiceRequest) -> bool {
    req.method() == Method::OPTIONS
        && req.headers().contains_key(header::ORIGIN)
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
}

/// Wraps the CORS middleware: a granted preflight is answered 204 with the methods its path
/// has (so a browser learns at once that `PUT /customers` does not exist); a refused one
/// (origin, method or header not allowed) is 403 problem+json, and one for a path that does
/// not exist is 404.
pub async fn preflight(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if !is_preflight(&req) {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    }
    let methods = req
        .app_data::<web::Data<MethodTable>>()
        .and_then(|table| table.allowed(req.path()));
    let res = next.call(req).await?;
    let granted = res
        .headers()
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN);
    let (req, mut res) = res.into_parts();
    let refusal = match (&methods, granted) {
        (None, _) => Some(ApiError::NotFound(format!("no resource at {}", req.path()))),
        (Some(_), false) => Some(ApiError::Forbidden(
            "cross-origin request refused: this origin, method or header is not allowed".into(),
        )),
        (Some(_), true) => None,
    };
    if let Some(err) = refusal {
        return Ok(ServiceResponse::new(req, err.error_response()));
    }
    let methods = methods.unwrap_or_default();
    if let Ok(value) = HeaderValue::from_str(&methods.join(", ")) {
        res.headers_mut()
            .insert(header::ACCESS_CONTROL_ALLOW_METHODS, value);
    }
    *res.status_mut() = StatusCode::NO_CONTENT;
    Ok(ServiceResponse::new(req, res.map_into_boxed_body()))
}
