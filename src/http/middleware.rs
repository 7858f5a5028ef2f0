//! Cross-cutting request handling: request ids, metrics and idempotent POST replays.

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody, to_bytes};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, ResponseError, web};
use chrono::{Duration, Utc};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::http::extract::JSON_LIMIT;
use crate::startup::AppState;
use crate::store;

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

/// Counts requests and their latency by route pattern, method and status.
pub async fn metrics(
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
    let status = res.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    Ok(res)
}

fn problem(req: ServiceRequest, err: ApiError) -> ServiceResponse<BoxBody> {
    req.into_response(err.error_response())
}

/// `Idempotency-Key` on POST: the first response for a (user, key) is stored for 24 hours
/// and replayed for retries with the same body; the same key with another body is a 422.
pub async fn idempotency(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let key = req
        .headers()
        .get(IDEMPOTENCY_KEY)
        .map(|v| v.to_str().map(str::to_string));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let (key, state) = match (req.method() == actix_web::http::Method::POST, key, state) {
        (true, Some(key), Some(state)) => (key, state),
        _ => {
            return next
                .call(req)
                .await
                .map(ServiceResponse::map_into_boxed_body);
        }
    };
    // Without a valid caller there is nothing to key on; the handler answers 401.
    let user_id = match crate::http::extract::bearer_token(req.request())
        .and_then(|t| state.tokens.verify(t).ok())
    {
        Some(claims) => claims.sub,
        None => {
            return next
                .call(req)
                .await
                .map(ServiceResponse::map_into_boxed_body);
        }
    };

    let key = match key {
        Ok(k) if (1..=255).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => k,
        _ => {
            return Ok(problem(
                req,
                ApiError::invalid(
                    "Idempotency-Key",
                    "must be 1 to 255 visible ASCII characters",
                ),
            ));
        }
    };

    let mut payload = req.take_payload();
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let Ok(chunk) = chunk else {
            return Ok(problem(
                req,
                ApiError::BadRequest("the request body could not be read".into()),
            ));
        };
        if body.len() + chunk.len() > JSON_LIMIT {
            return Ok(problem(
                req,
                ApiError::PayloadTooLarge(format!("the body exceeds {JSON_LIMIT} bytes")),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    let body = body.freeze();
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(req.method().as_str());
    hasher.update(b"\n");
    hasher.update(path.as_bytes());
    hasher.update(b"\n");
    hasher.update(&body);
    let hash = format!("{:x}", hasher.finalize());
    let now = Utc::now();

    match lookup(&state, user_id, &key, &hash, now).await {
        Ok(Some(replay)) => return Ok(req.into_response(replay)),
        Ok(None) => {}
        Err(err) => return Ok(problem(req, err)),
    }
    if let Err(err) = store::idempotency::claim(
        &state.db,
        user_id,
        &key,
        req.method().as_str(),
        &path,
        &hash,
        now,
    )
    .await
    {
        let err = match err {
            ApiError::Conflict(_) => in_progress(),
            other => other,
        };
        return Ok(problem(req, err));
    }

    req.set_payload(actix_web::dev::Payload::from(body));
    let res = match next.call(req).await {
        Ok(res) => res,
        Err(err) => {
            let _ = store::idempotency::release(&state.db, user_id, &key).await;
            return Err(err);
        }
    };
    let (http_req, res) = res.into_parts();
    let status = res.status();
    let headers = stored_headers(res.headers());
    let (res, body) = res.into_parts();
    let bytes = to_bytes(body).await.unwrap_or_default();
    let outcome = if status.is_server_error() {
        // A failure is not a result worth repeating: let the client retry for real.
        store::idempotency::release(&state.db, user_id, &key).await
    } else {
        store::idempotency::complete(
            &state.db,
            user_id,
            &key,
            status.as_u16(),
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
        .await
    };
    if let Err(err) = outcome {
        tracing::warn!(error.cause = %err, "idempotency record not updated");
    }
    Ok(ServiceResponse::new(
        http_req,
        res.set_body(BoxBody::new(bytes)),
    ))
}

fn in_progress() -> ApiError {
    ApiError::Conflict("a request with this Idempotency-Key is still being processed".into())
}

fn stored_headers(headers: &actix_web::http::header::HeaderMap) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for name in REPLAYED_HEADERS {
        if let Some(v) = headers.get(&name).and_then(|v| v.to_str().ok()) {
            map.insert(
                name.as_str().to_string(),
                serde_json::Value::String(v.to_string()),
            );
        }
    }
    serde_json::Value::Object(map)
}

/// The stored response to replay, if the key was used before within 24 hours.
async fn lookup(
    state: &AppState,
    user_id: uuid::Uuid,
    key: &str,
    hash: &str,
    now: chrono::DateTime<Utc>,
) -> Result<Option<HttpResponse>, ApiError> {
    let Some(record) = store::idempotency::find(&state.db, user_id, key).await? else {
        return Ok(None);
    };
    if record.created_at < now - Duration::hours(24) {
        store::idempotency::release(&state.db, user_id, key).await?;
        return Ok(None);
    }
    if record.request_hash != hash {
        return Err(ApiError::invalid(
            "Idempotency-Key",
            "was already used with a different request; use a new key",
        ));
    }
    let Some(status) = record.response_status else {
        return Err(in_progress());
    };
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    if let Some(serde_json::Value::Object(headers)) = record.response_headers {
        for (name, value) in headers {
            if let Some(v) = value.as_str() {
                response.insert_header((name.as_str(), v));
            }
        }
    }
    response.insert_header((REPLAYED, "true"));
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    Ok(Some(
        response.body(record.response_body.unwrap_or_default()),
    ))
}
