//! The domain's half of keyset pagination: a request is checked once (limit, opaque cursor)
//! and a page is built once from the rows the store read, so every list pages alike.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::dto::page::{DEFAULT_LIMIT, MAX_LIMIT, Page, PageQuery};
use crate::model::error::FieldCode;
use crate::model::error::{DomainError, DomainResult};
use crate::store::page::Rows;

/// A checked page request: its size and where the previous page ended.
#[derive(Debug)]
pub struct PageRequest<C> {
    pub limit: u64,
    pub after: Option<C>,
}

/// The position after the last row of a list ordered by time and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeCursor {
    #[serde(deserialize_with = "crate::dto::time::deserialize_instant")]
    pub at: chrono::DateTime<chrono::Utc>,
    pub id: uuid::Uuid,
}

impl TimeCursor {
    pub fn bound(self) -> (chrono::DateTime<chrono::Utc>, uuid::Uuid) {
        (self.at, self.id)
    }
}

impl PageQuery {
    /// Checks `limit` and decodes `cursor` as the position type `C` of this list.
    pub fn request<C: DeserializeOwned>(&self) -> DomainResult<PageRequest<C>> {
        let limit = match self.limit {
            None => DEFAULT_LIMIT,
            Some(n) if (1..=MAX_LIMIT as i64).contains(&n) => n as u64,
            Some(_) => {
                return Err(DomainError::invalid(
                    "limit",
                    FieldCode::OutOfRange,
                    format!("must be between 1 and {MAX_LIMIT}"),
                ));
            }
        };
        let after = self.cursor.as_deref().map(decode_cursor).transpose()?;
        Ok(PageRequest { limit, after })
    }
}

/// A page of `rows`, whose `next_cursor` is the position of its last row when more follow.
pub fn keyset<R, C: Serialize>(rows: Rows<R>, position: impl Fn(&R) -> C) -> Page<R> {
    let next_cursor = if rows.more {
        rows.items.last().map(|last| encode_cursor(&position(last)))
    } else {
        None
    };
    Page {
        items: rows.items,
        next_cursor,
    }
}

/// URL-safe base64 of the position's JSON, so that clients treat it as opaque.
fn encode_cursor<C: Serialize>(cursor: &C) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(cursor).unwrap_or_default())
}

fn decode_cursor<C: DeserializeOwned>(raw: &str) -> DomainResult<C> {
    URL_SAFE_NO_PAD
        .decode(raw.as_bytes())
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| {
            DomainError::invalid(
                "cursor",
                FieldCode::InvalidFormat,
                "is not a cursor returned by this list",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct C {
        v: String,
    }

    fn query(limit: Option<i64>, cursor: Option<&str>) -> PageQuery {
        PageQuery {
            limit,
            cursor: cursor.map(str::to_string),
        }
    }

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = C { v: "x".into() };
        let raw = encode_cursor(&c);
        assert_eq!(
            query(None, Some(&raw)).request::<C>().unwrap().after,
            Some(c)
        );
        assert!(query(None, Some("not a cursor!")).request::<C>().is_err());
    }

    #[test]
    fn limit_bounds() {
        assert_eq!(query(None, None).request::<C>().unwrap().limit, 50);
        assert_eq!(query(Some(200), None).request::<C>().unwrap().limit, 200);
        assert!(query(Some(0), None).request::<C>().is_err());
        assert!(query(Some(201), None).request::<C>().is_err());
    }

    #[test]
    fn the_cursor_names_the_last_row_only_when_more_follow() {
        let last = keyset(
            Rows {
                items: vec![1, 2],
                more: false,
            },
            |n| *n,
        );
        assert_eq!(last.next_cursor, None);
        let more = keyset(
            Rows {
                items: vec![1, 2],
                more: true,
            },
            |n| *n,
        );
        assert_eq!(more.next_cursor, Some(encode_cursor(&2)));
        assert_eq!(Rows::cut(vec![1, 2, 3], 2).items, vec![1, 2]);
        assert!(Rows::cut(vec![1, 2, 3], 2).more);
        assert!(!Rows::cut(vec![1, 2], 2).more);
    }
}
