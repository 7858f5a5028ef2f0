//! Keyset pagination: `limit`, an opaque `cursor`, and `{"items", "next_cursor"}` bodies.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 200;

#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// Encodes a cursor as URL-safe base64 of its JSON, so clients treat it as opaque.
pub fn encode_cursor<C: Serialize>(cursor: &C) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(cursor).unwrap_or_default())
}

pub fn decode_cursor<C: DeserializeOwned>(raw: &str) -> Result<C, ApiError> {
    URL_SAFE_NO_PAD
        .decode(raw.as_bytes())
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| ApiError::invalid("cursor", "is not a cursor returned by this list"))
}

/// The position after the last row of a list ordered by time and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeCursor {
    pub at: chrono::DateTime<chrono::Utc>,
    pub id: uuid::Uuid,
}

/// Validated `limit`.
pub fn limit(value: Option<i64>) -> Result<u64, ApiError> {
    match value {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT as i64).contains(&n) => Ok(n as u64),
        Some(_) => Err(ApiError::invalid(
            "limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        )),
    }
}

/// Deserialises `limit` from a query string, accepting `50` and `50.0`.
pub fn query_whole<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    let raw = Option::<String>::deserialize(deserializer)?;
    raw.map(|s| {
        let f: f64 = s
            .parse()
            .map_err(|_| serde::de::Error::custom("expected a whole number"))?;
        if f.fract() != 0.0 || f.abs() > 9.0e15 {
            return Err(serde::de::Error::custom("expected a whole number"));
        }
        Ok(f as i64)
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct C {
        v: String,
    }

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = C { v: "x".into() };
        assert_eq!(decode_cursor::<C>(&encode_cursor(&c)).unwrap(), c);
        assert!(decode_cursor::<C>("not a cursor!").is_err());
    }

    #[test]
    fn limit_bounds() {
        assert_eq!(limit(None).unwrap(), 50);
        assert_eq!(limit(Some(200)).unwrap(), 200);
        assert!(limit(Some(0)).is_err());
        assert!(limit(Some(201)).is_err());
    }
}
