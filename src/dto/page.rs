//! Keyset pagination as the API shows it: `?limit=&cursor=` and `{"items", "next_cursor"}`
//! bodies. Reading a request and building a page are `domain::page`'s.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 200;

#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
        }
    }

    pub fn try_map<U, E>(self, f: impl FnMut(T) -> Result<U, E>) -> Result<Page<U>, E> {
        Ok(Page {
            items: self.items.into_iter().map(f).collect::<Result<_, E>>()?,
            next_cursor: self.next_cursor,
        })
    }
}

/// The page parameters every list takes, beside its own filters.
#[derive(Debug, Default, Deserialize, Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1–200.
    #[serde(default, deserialize_with = "query_whole")]
    #[param(minimum = 1, maximum = 200, default = 50, value_type = Option<i64>)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 512)]
    #[validate(length(max = 512))]
    pub cursor: Option<String>,
}

/// Deserialises a whole number from a query string, accepting `50` and `50.0`.
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
