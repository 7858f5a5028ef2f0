//! Duplicates as the API shows them: the candidates' queries, a dismissal, a merge and its
//! outcome. A candidate itself is `model::duplicate::Candidate` (a conflict answer carries
//! it too).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::customer::Customer;

/// What `POST /customers` does when the new customer has a strong duplicate candidate
/// (score 70 or more) among the customers the caller can see.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CreateOnDuplicate {
    /// Create it, and name the candidates in `possible_duplicates` (the default).
    #[default]
    Allow,
    /// Create nothing: 409 with the candidates.
    Reject,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerCreateQuery {
    pub on_duplicate: Option<CreateOnDuplicate>,
}

/// `GET /duplicates` filters.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuplicateListQuery {
    /// Only pairs scoring at least this, 0–100 (default 0: every pair found).
    #[param(minimum = 0, maximum = 100, value_type = Option<i64>)]
    #[serde(default, deserialize_with = "crate::dto::page::query_whole")]
    pub min_score: Option<i64>,
}

/// Two customers someone says are not one person.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "customer_id": "01932c90-0000-7000-8000-000000000001",
    "other_id": "01932c90-0000-7000-8000-000000000002"
}))]
pub struct DismissalRequest {
    pub customer_id: Uuid,
    pub other_id: Uuid,
}

/// A pair dismissed as "not a duplicate": it is never proposed again.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "customer_id": "01932c90-0000-7000-8000-000000000001",
    "other_id": "01932c90-0000-7000-8000-000000000002",
    "dismissed_at": "2026-12-02T10:00:00Z"
}))]
pub struct Dismissal {
    /// The lower of the two ids.
    pub customer_id: Uuid,
    pub other_id: Uuid,
    pub dismissed_at: DateTime<Utc>,
}

/// Whose value a merged field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MergeSource {
    /// The customer that stays (`id`).
    Survivor,
    /// The customer merged into it (`from`).
    From,
}

/// Merges customer `from` into this one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "from": "01932c90-0000-7000-8000-000000000002", "from_version": 3,
    "fields": {"email": "from", "phone": "survivor"}
}))]
pub struct MergeRequest {
    /// The customer merged away; it then answers 404 with `merged_into`.
    pub from: Uuid,
    /// The version (`ETag`) of `from` the caller decided on; 412 when it changed since.
    pub from_version: i32,
    /// Per profile field, whose value to keep. A field not named keeps the survivor's value,
    /// or takes the other's where the survivor has none. Tags, attributes, important dates
    /// and segment memberships are united, consent keeps the stricter answer per channel
    /// (a refusal over a grant) and `do_not_contact` holds if either says so. At most one
    /// entry per field.
    #[schema(value_type = Option<Object>, example = json!({"email": "from"}))]
    pub fields: Option<BTreeMap<String, MergeSource>>,
}

/// A merge as it was done.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "customer": {"id": "01932c90-0000-7000-8000-000000000001", "name": "Ada Lovelace", "version": 4},
    "merged_from": "01932c90-0000-7000-8000-000000000002",
    "moved": {"interactions": 12, "purchases": 3, "touchpoints": 2}
}))]
pub struct Merge {
    /// The surviving customer as it now is.
    pub customer: Customer,
    pub merged_from: Uuid,
    /// How many rows of each kind of record moved to the survivor (kinds with none left out).
    pub moved: BTreeMap<String, u64>,
}

/// A new customer, with the customers it may duplicate.
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerCreated {
    #[serde(flatten)]
    pub customer: Customer,
    /// Strong duplicate candidates (score 70 or more) among the customers the caller can
    /// see, most likely first; empty when there are none.
    pub possible_duplicates: Vec<Uuid>,
}
