//! Cross-cutting request handling: request ids, metrics and the request log, and idempotent
//! POST replays.

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody, to_bytes};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, ResponseError, web};

use crate::domain::idempotency::{self, Claim, StoredResponse};
use crate::domain::user::actor_for_token;
use crate::http::error::ApiError;
use crate::http::extract::{bearer_token, body_limit, read_body};
use crate::http::state::AppState;
use crate::model::error::FieldCode;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
const IDEMPOTENCY_KEY: &str = "idempotency-key";
const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");
/// Response headers worth replaying with a stored response.
const REPLAYED_HEADERS: [HeaderName; 3] = [header::CONTENT_TYPE, header::LOCATION, header::ETAG];

/// The id of the current request, from `X-Request-Id` or generated.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

fn acceptable_request_id(value: &HeaderValue) -> Option<String> {
    let s = value.to_str().ok()?;
    (!s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_graphic()))
        .then(|| s.to_string())
}

/// Takes the caller's request id (or makes one), exposes it to the tracing span and echoes
/// it on the response.
pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(acceptable_request_id)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut res = match next.call(req).await {
        Ok(res) => res.map_into_boxed_body(),
        Err(err) => return Err(err),
    };
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    Ok(res)
}

/// Counts requests and their latency by route pattern, method and status, and logs each
/// request once it is answered. The log line names the route template, never the path or
/// query, which can carry personal data (an email in `?q=`); the span adds the request id.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let method = req.method().to_string();
    let res = next.call(req).await?;
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".into());
    let status = res.status().as_u16();
    let took = started.elapsed();
    tracing::info!(
        http.method = %method,
        http.route = %route,
        http.status_code = status,
        latency_ms = took.as_secs_f64() * 1000.0,
        "request answered"
    );
    let labels = [
        ("method", method),
        ("route", route),
        ("status", status.to_string()),
    ];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(took.as_secs_f64());
    Ok(res)
}

fn problem(req: ServiceRequest, err: ApiError) -> ServiceResponse<BoxBody> {
    req.into_response(err.error_response())
}

async fn pass(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    next.call(req)
        .await
        .map(ServiceResponse::map_into_boxed_body)
}

/// `Idempotency-Key` on POST, by the rules of `domain::idempotency`.
pub async fn idempotency(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let key = req
        .headers()
        .get(IDEMPOTENCY_KEY)
        .map(|v| v.to_str().map(str::to_string));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let (Some(key), Some(state), true) = (key, state, req.method() == Method::POST) else {
        return pass(req, next).await;
    };
    // Keys belong to an authenticated, active caller: a stored answer is never replayed to
    // a token that no longer stands for one. Without such a caller the handler answers 401.
    let token = bearer_token(req.request()).map(str::to_string);
    let actor = match token {
        Some(token) => actor_for_token(&state.db, &state.tokens, &token, state.clock.now())
            .await
            .ok(),
        None => None,
    };
    let Some(actor) = actor else {
        return pass(req, next).await;
    };
    // The handler's caller is this one; it need not be looked up twice.
    req.extensions_mut().insert(actor);
    let user_id = actor.id;
    let Some(key) = key.ok().filter(|k| idempotency::valid_key(k)) else {
        let err = ApiError::invalid(
            "Idempotency-Key",
            FieldCode::InvalidFormat,
            "must be 1 to 255 visible ASCII characters",
        );
        return Ok(problem(req, err));
    };

    let limit = body_limit(req.path());
    let body = match read_body(req.take_payload(), limit).await {
        Ok(body) => body,
        Err(err) => return Ok(problem(req, err)),
    };
    let method = req.method().as_str().to_string();
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let hash = idempotency::request_hash(&method, &target, &body);
    let path = idempotency::shown_path(req.path());

    match idempotency::claim(
        &state.db,
        user_id,
        &key,
        &method,
        path,
        &hash,
        state.clock.now(),
    )
    .await
    {
        Ok(Claim::Proceed) => {}
        Ok(Claim::Replay(stored)) => return Ok(req.into_response(replay(stored))),
        Err(err) => return Ok(problem(req, err.into())),
    }

    req.set_payload(actix_web::dev::Payload::from(body));
    let res = match next.call(req).await {
        Ok(res) => res,
        Err(err) => {
            release(&state, user_id, &key).await;
            return Err(err);
        }
    };
    let (http_req, res) = res.into_parts();
    let status = res.status().as_u16();
    let headers = REPLAYED_HEADERS
        .iter()
        .filter_map(|name| {
            let value = res.headers().get(name)?.to_str().ok()?;
            Some((name.as_str().to_string(), value.to_string()))
        })
        .collect();
    let (res, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body).await else {
        // Nothing trustworthy to keep: free the key so that a retry acts for real.
        release(&state, user_id, &key).await;
        let err = ApiError::internal("the response body could not be read for Idempotency-Key");
        return Ok(ServiceResponse::new(http_req, err.error_response()));
    };
    let stored = StoredResponse {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    if let Err(err) = idempotency::finish(&state.db, user_id, &key, stored).await {
        tracing::warn!(error.cause = %err, "idempotency record not updated");
    }
    Ok(ServiceResponse::new(
        http_req,
        res.set_body(BoxBody::new(bytes)),
    ))
}

/// Frees a claimed key. A key that stays claimed answers 409 to retries until the
/// scheduler forgets it, so a failure here is logged rather than passed over.
async fn release(state: &AppState, user_id: uuid::Uuid, key: &str) {
    if let Err(err) = idempotency::release(&state.db, user_id, key).await {
        tracing::warn!(error.cause = %err, "idempotency key not released");
    }
}

fn replay(stored: StoredResponse) -> HttpResponse {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    for (name, value) in &stored.headers {
        response.insert_header((name.as_str(), value.as_str()));
    }
    response.insert_header((REPLAYED, "true"));
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    response.body(stored.body)
}
