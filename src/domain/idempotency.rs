//! Idempotent POSTs: the first response for a (user, key) is kept for 24 hours and replayed
//! for retries of the same request; the same key with another request is refused.

use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult, is_unique_violation};
use crate::store;

/// How long a key and its response are kept.
pub const WINDOW: Duration = Duration::hours(24);

/// A response kept for replay.
#[derive(Debug, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// What to do with a request that carries a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// First use: run the request, then `complete` or `release` the key.
    Proceed,
    /// A retry: answer with the stored response.
    Replay(StoredResponse),
}

/// Fingerprint of a request: method, path with query, and body.
pub fn request_hash(method: &str, path: &str, body: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(method.as_bytes());
    hasher.update(b"\n");
    hasher.update(path.as_bytes());
    hasher.update(b"\n");
    hasher.update(body);
    format!("{:x}", hasher.finalize())
}

/// The longest path kept beside a key (the column's width).
const SHOWN_PATH_MAX: usize = 2048;

/// The path kept with a key, for operators to read. It identifies nothing (the request hash
/// covers the whole target, query included), so a long one is cut at a character boundary
/// rather than refused.
pub fn shown_path(path: &str) -> &str {
    if path.len() <= SHOWN_PATH_MAX {
        return path;
    }
    let mut end = SHOWN_PATH_MAX;
    while !path.is_char_boundary(end) {
        end -= 1;
    }
    &path[..end]
}

pub fn valid_key(key: &str) -> bool {
    (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

fn in_progress() -> DomainError {
    DomainError::conflict("a request with this Idempotency-Key is still being processed")
}

/// Claims `key` for this request, or finds the response to replay.
#[tracing::instrument(skip_all, fields(user.id = %user_id))]
pub async fn claim(
    db: &DatabaseConnection,
    user_id: Uuid,
    key: &str,
    method: &str,
    path: &str,
    hash: &str,
    now: DateTime<Utc>,
) -> DomainResult<Claim> {
    if let Some(record) = store::idempotency::find(db, user_id, key).await? {
        if record.created_at >= now - WINDOW {
            if record.request_hash != hash {
                return Err(DomainError::invalid(
                    "Idempotency-Key",
                    FieldCode::Conflict,
                    "was already used with a different request; use a new key",
                ));
            }
            let status = record
                .response_status
                .and_then(|s| u16::try_from(s).ok())
                .ok_or_else(in_progress)?;
            let headers = match record.response_headers {
                Some(serde_json::Value::Object(map)) => map
                    .into_iter()
                    .filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_string())))
                    .collect(),
                _ => Vec::new(),
            };
            return Ok(Claim::Replay(StoredResponse {
                status,
                headers,
                body: record.response_body.unwrap_or_default(),
            }));
        }
        store::idempotency::release(db, user_id, key).await?;
    }
    match store::idempotency::claim(db, user_id, key, method, path, hash, now).await {
        Ok(()) => Ok(Claim::Proceed),
        // A concurrent request claimed the key first.
        Err(e) if is_unique_violation(&e) => Err(in_progress()),
        Err(e) => Err(e.into()),
    }
}

/// Keeps the response of a claimed request. Server errors are not kept: they release the
/// key so that a retry acts for real.
#[tracing::instrument(skip_all, fields(user.id = %user_id))]
pub async fn finish(
    db: &DatabaseConnection,
    user_id: Uuid,
    key: &str,
    response: StoredResponse,
) -> DomainResult<()> {
    if response.status >= 500 {
        return Ok(store::idempotency::release(db, user_id, key).await?);
    }
    let headers = serde_json::Value::Object(
        response
            .headers
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect(),
    );
    Ok(
        store::idempotency::complete(db, user_id, key, response.status, headers, response.body)
            .await?,
    )
}

#[tracing::instrument(skip_all, fields(user.id = %user_id))]
pub async fn release(db: &DatabaseConnection, user_id: Uuid, key: &str) -> DomainResult<()> {
    Ok(store::idempotency::release(db, user_id, key).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_tell_requests_apart() {
        let a = request_hash("POST", "/api/v1/customers", b"{\"name\":\"A\"}");
        assert_eq!(
            a,
            request_hash("POST", "/api/v1/customers", b"{\"name\":\"A\"}")
        );
        assert_ne!(
            a,
            request_hash("POST", "/api/v1/customers", b"{\"name\":\"B\"}")
        );
        assert_ne!(
            a,
            request_hash("POST", "/api/v1/users", b"{\"name\":\"A\"}")
        );
    }

    #[test]
    fn long_paths_are_cut_at_a_character() {
        assert_eq!(shown_path("/api/v1/customers"), "/api/v1/customers");
        let long = format!("/{}", "é".repeat(2000));
        let shown = shown_path(&long);
        assert!(shown.len() <= SHOWN_PATH_MAX && long.starts_with(shown));
    }

    #[test]
    fn keys_are_visible_ascii() {
        assert!(valid_key("7d1c0f6e-first-customer"));
        assert!(!valid_key(""));
        assert!(!valid_key("has space"));
        assert!(!valid_key(&"k".repeat(256)));
    }
}
