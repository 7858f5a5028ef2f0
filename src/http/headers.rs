//! Request headers that several operations take, documented once.

use serde::Deserialize;
use utoipa::IntoParams;

/// `If-Match` on PATCH, PUT and DELETE.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IfMatchHeader {
    /// ETag of the version being changed; a stale one changes nothing (412).
    #[serde(rename = "If-Match")]
    #[param(nullable = false)]
    pub if_match: Option<String>,
}

/// `If-Match` where it is required: a merge must name the version it was decided on.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct RequiredIfMatchHeader {
    /// ETag of the version being changed (`*` for any); missing is a 428, stale a 412.
    #[serde(rename = "If-Match")]
    pub if_match: String,
}

/// `Idempotency-Key` on POST.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IdempotencyKeyHeader {
    /// Replays the first response for 24 hours; the same key with another body is a 422.
    #[serde(rename = "Idempotency-Key")]
    #[param(
        nullable = false,
        min_length = 1,
        max_length = 255,
        pattern = r"^[\x21-\x7E]+$"
    )]
    pub idempotency_key: Option<String>,
}
