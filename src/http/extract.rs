//! Extractors whose failures are problem documents: JSON bodies (content type, size, syntax,
//! types, validation), query strings, path ids, `If-Match` and the authenticated caller.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::{LocalBoxFuture, Ready, ready};
use serde::de::DeserializeOwned;
use validator::Validate;

use crate::domain::version::{Precondition, parse_if_match};
use crate::dto::decode;
use crate::http::error::ApiError;
use crate::http::state::AppState;
use crate::model::error::FieldCode;
use crate::model::role::Actor;

/// Largest JSON body accepted.
pub const JSON_LIMIT: usize = 1024 * 1024;

/// Largest CSV upload accepted.
pub const CSV_LIMIT: usize = 20 * 1024 * 1024;

/// The largest body a request to `path` may carry.
pub fn body_limit(path: &str) -> usize {
    if path == "/api/v1/customers/import" {
        CSV_LIMIT
    } else {
        JSON_LIMIT
    }
}

/// A JSON body, deserialised and validated.
pub struct Json<T>(pub T);

pub fn is_json_content_type(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|essence| {
            let essence = essence.trim().to_ascii_lowercase();
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
        .unwrap_or(false)
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !is_json_content_type(req) {
            return Box::pin(ready(Err(ApiError::UnsupportedMediaType(
                "send the body as application/json".into(),
            ))));
        }
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|n| n > JSON_LIMIT) {
            return Box::pin(ready(Err(too_large())));
        }
        let payload = payload.take();
        Box::pin(async move {
            let body = read_body(payload, JSON_LIMIT).await?;
            let value = parse_json_value(&body)?;
            Ok(Json(
                decode::from_validated(value).map_err(ApiError::Validation)?,
            ))
        })
    }
}

fn too_large() -> ApiError {
    too_large_for(JSON_LIMIT)
}

/// Reads a request body whole, refusing it (413) as soon as it passes `limit` bytes.
pub async fn read_body(mut payload: Payload, limit: usize) -> Result<web::Bytes, ApiError> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|_| ApiError::BadRequest("the request body could not be read".into()))?;
        if body.len() + chunk.len() > limit {
            return Err(too_large_for(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

pub fn too_large_for(limit: usize) -> ApiError {
    ApiError::PayloadTooLarge(format!("the body exceeds {limit} bytes"))
}

/// A CSV upload (`text/csv`, UTF-8), read whole up to `CSV_LIMIT`.
pub struct CsvBody(pub web::Bytes);

impl FromRequest for CsvBody {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let essence = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase());
        if !matches!(essence.as_deref(), Some("text/csv" | "application/csv")) {
            return Box::pin(ready(Err(ApiError::UnsupportedMediaType(
                "send the file as text/csv".into(),
            ))));
        }
        let payload = payload.take();
        Box::pin(async move { Ok(CsvBody(read_body(payload, CSV_LIMIT).await?)) })
    }
}

/// The body as a JSON document: syntax first, so a truncated document is a 400 even where
/// its start has the wrong type.
pub fn parse_json_value(body: &[u8]) -> Result<serde_json::Value, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadRequest(
            "the request body is empty; expected a JSON document".into(),
        ));
    }
    serde_json::from_slice(body).map_err(|e| ApiError::BadRequest(format!("malformed JSON: {e}")))
}

/// Query parameters; a bad value is a 422 naming the parameter.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned + Validate> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let parse = form_urlencoded::parse(req.query_string().as_bytes());
        if let Some((name, _)) = parse.clone().find(|(_, v)| v.contains('\0')) {
            return ready(Err(ApiError::invalid(
                name.into_owned(),
                FieldCode::InvalidFormat,
                "must not contain NUL characters",
            )));
        }
        let de = serde_urlencoded::Deserializer::new(parse);
        ready(
            serde_path_to_error::deserialize::<_, T>(de)
                .map_err(|err| {
                    let path = err.path().to_string();
                    let message = err.into_inner().to_string();
                    ApiError::Validation(vec![decode::serde_error(&path, message)])
                })
                .and_then(|value| {
                    value
                        .validate()
                        .map_err(|e| ApiError::Validation(decode::flatten(&e)))?;
                    Ok(Query(value))
                }),
        )
    }
}

/// The address a request comes from: the peer's, or, when the peer is a trusted proxy, the
/// last address in `X-Forwarded-For` that is not one (earlier ones the client may have
/// written itself).
pub fn client_address(req: &HttpRequest, trusted: &[std::net::IpAddr]) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return "unknown".into();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    forwarded
        .iter()
        .rev()
        .filter_map(|a| a.parse::<std::net::IpAddr>().ok())
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer)
        .to_string()
}

/// The `If-Match` precondition of a write.
pub struct IfMatch(pub Precondition);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let value = req.headers().get(header::IF_MATCH);
        ready(match value {
            None => Ok(IfMatch(Precondition::None)),
            // A header that is not even text cannot name our ETag: 412, like any mismatch.
            Some(v) => Ok(IfMatch(parse_if_match(v.to_str().unwrap_or_default()))),
        })
    }
}

/// The authenticated caller: a valid bearer token of a user who is still active.
pub struct Caller(pub Actor);

pub fn bearer_token(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl Caller {
    /// The caller `actor`, authenticated by the handler itself (see [`Bearer`]): recorded
    /// for the audit trail and checked against the route like any other.
    pub fn identified(req: &HttpRequest, actor: Actor) -> Result<Caller, ApiError> {
        req.extensions_mut().insert(actor);
        Self::admitted(req, actor)
    }

    /// The authenticated `actor`, if the route is within its scopes and its rate limit.
    fn admitted(req: &HttpRequest, actor: Actor) -> Result<Caller, ApiError> {
        super::scopes::check(&actor, super::scopes::route_of(req.method(), req.path()))?;
        if let Some(state) = req.app_data::<web::Data<AppState>>() {
            super::rate_limit::admit(req, &state.limiter, &actor)?;
        }
        Ok(Caller(actor))
    }
}

/// The bearer token of a request whose handler authenticates it together with its first
/// read ([`Caller::identified`] then records who it was); 401 when there is none.
pub struct Bearer(pub String);

impl FromRequest for Bearer {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            bearer_token(req)
                .map(|t| Bearer(t.to_string()))
                .ok_or_else(|| ApiError::Unauthorized("a bearer token is required".into())),
        )
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // Already authenticated by the idempotency middleware for this very request.
        let known = req.extensions().get::<Actor>().copied();
        if let Some(actor) = known {
            return Box::pin(ready(Self::admitted(req, actor)));
        }
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req).map(str::to_string);
        let req = req.clone();
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let token =
                token.ok_or_else(|| ApiError::Unauthorized("a bearer token is required".into()))?;
            let actor = crate::domain::user::actor_for_token(
                &state.db,
                &state.tokens,
                &token,
                state.clock.now(),
            )
            .await?;
            // The audit trail names who made the request.
            req.extensions_mut().insert(actor);
            Self::admitted(&req, actor)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::http::error::FieldCode;

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        #[validate(length(min = 1, max = 5))]
        name: String,
        #[validate(email)]
        email: Option<String>,
        kind: Option<Kind>,
        #[validate(nested)]
        inner: Option<Inner>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        count: u8,
    }

    fn err(body: &str) -> ApiError {
        let decoded = parse_json_value(body.as_bytes())
            .and_then(|v| decode::from_validated::<Body>(v).map_err(ApiError::Validation));
        match decoded {
            Err(e) => e,
            Ok(b) => panic!("parsed {b:?}"),
        }
    }

    fn errors(body: &str) -> Vec<(String, FieldCode)> {
        match err(body) {
            ApiError::Validation(v) => v.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    fn field(e: ApiError) -> String {
        match e {
            ApiError::Validation(v) => v[0].field.clone(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_are_bad_requests() {
        assert!(matches!(err("{"), ApiError::BadRequest(_)));
        assert!(matches!(err(""), ApiError::BadRequest(_)));
        assert!(matches!(err("[1, 2"), ApiError::BadRequest(_)));
        assert!(matches!(
            err("{\"name\":\"a\"} trailing"),
            ApiError::BadRequest(_)
        ));
    }

    #[test]
    fn data_errors_name_the_field() {
        assert_eq!(field(err(r#"{"name": "a\u0000b"}"#)), "name");
        assert_eq!(
            field(err(r#"{"name": "a", "inner": {"count": 1, "x\u0000": 1}}"#)),
            "inner.x\u{0}"
        );
        assert_eq!(field(err("{}")), "name");
        assert_eq!(field(err("{\"name\": 3}")), "name");
        assert_eq!(field(err("{\"name\": \"a\", \"extra\": 1}")), "extra");
        assert_eq!(
            field(err("{\"name\": \"a\", \"inner\": {\"count\": \"x\"}}")),
            "inner.count"
        );
        assert_eq!(
            field(err("{\"name\": \"a\", \"inner\": {}}")),
            "inner.count"
        );
    }

    #[test]
    fn every_bad_field_is_answered_at_once_with_its_code() {
        use FieldCode::*;
        let own = |v: &[(&str, FieldCode)]| -> Vec<(String, FieldCode)> {
            v.iter().map(|(f, c)| (f.to_string(), *c)).collect()
        };
        assert_eq!(
            errors(r#"{"name": "far too long", "email": "no", "kind": "platinum"}"#),
            own(&[
                ("email", InvalidFormat),
                ("kind", UnknownValue),
                ("name", TooLong)
            ])
        );
        assert_eq!(
            errors(r#"{"kind": 3, "inner": {"count": 300, "extra": 1}, "more": true}"#),
            own(&[
                ("inner.count", OutOfRange),
                ("inner.extra", UnknownField),
                ("kind", InvalidType),
                ("more", UnknownField),
                ("name", Required),
            ])
        );
        assert_eq!(errors(r#"{"name": ""}"#), own(&[("name", TooShort)]));
        assert_eq!(
            errors(r#"{"name": 7, "email": "a\u0000@b.c"}"#),
            own(&[("email", InvalidFormat), ("name", InvalidType)])
        );
        // A body that is no object has nothing to read past.
        assert_eq!(errors("[]"), own(&[("body", InvalidType)]));
    }
}
