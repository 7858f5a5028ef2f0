//! Segment bodies.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::customer::Customer;
use crate::dto::{nullable, present};
use crate::model::segment::{MAX_DEPTH, MAX_LIST, MAX_NODES, MAX_PATTERNS, MAX_VALUES, Op};
use crate::model::vocabulary;

vocabulary!(
    SegmentKind {
        /// Members are listed by hand.
        Static => "static",
        /// Members are the customers matching the rule, evaluated by the database.
        Dynamic => "dynamic",
    }
);

/// Schema-only type: the rule tree, described for clients. The server checks more than the
/// schema can say (which operators fit which field, value types); a 422 names the bad part.
pub struct SegmentRule;

impl utoipa::PartialSchema for SegmentRule {
    fn schema() -> RefOr<Schema> {
        use utoipa::openapi::Ref;
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
        let nested = || Ref::from_schema_name("SegmentRule");
        let list = || {
            ArrayBuilder::new()
                .items(nested())
                .min_items(Some(1))
                .max_items(Some(MAX_NODES))
        };
        let description = format!(
            "{{\"all\": [rules]}}, {{\"any\": [rules]}}, {{\"not\": rule}} or a condition \
             {{\"field\", \"op\", \"value\"}}. Fields: the customer fields, `tags` and \
             `attributes.<key>`. `value` is a string, number, boolean or array as the \
             operator needs, and absent for is_null and is_not_null. Budget (422 beyond it): \
             at most {MAX_NODES} nodes, {MAX_DEPTH} levels, {MAX_LIST} values in one list, \
             {MAX_VALUES} values in all and {MAX_PATTERNS} text `contains` conditions (tag \
             `contains` is not a text match and does not count)."
        );
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(description))
            .min_properties(Some(1))
            .property("all", list())
            .property("any", list())
            .property("not", nested())
            .property(
                "field",
                ObjectBuilder::new().schema_type(Type::String).examples([
                    serde_json::json!("tier"),
                    serde_json::json!("attributes.plan"),
                ]),
            )
            .property(
                "op",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(Op::NAMES.iter().copied())),
            )
            .property("value", condition_value())
            .examples([serde_json::json!({"all": [
                {"field": "tier", "op": "in", "value": ["important", "key"]},
                {"field": "last_contacted_at", "op": "older_than_days", "value": 90}
            ]})])
            .into()
    }
}

impl ToSchema for SegmentRule {}

/// A condition's `value`: a string, number or boolean, or a list of them (`in`, `not_in`).
fn condition_value() -> Schema {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Type};
    let scalar = || {
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::String))
            .item(ObjectBuilder::new().schema_type(Type::Number))
            .item(ObjectBuilder::new().schema_type(Type::Boolean))
    };
    scalar()
        .item(
            ArrayBuilder::new()
                .items(scalar())
                .min_items(Some(1))
                .max_items(Some(MAX_LIST)),
        )
        .build()
        .into()
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Key accounts gone quiet", "kind": "dynamic",
    "rule": {"all": [{"field": "tier", "op": "eq", "value": "key"}, {"field": "last_contacted_at", "op": "older_than_days", "value": 30}]}
}))]
pub struct SegmentCreate {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    pub kind: SegmentKind,
    /// Required for dynamic segments, absent for static ones.
    #[schema(value_type = Option<SegmentRule>)]
    pub rule: Option<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"description": "Key accounts without contact for a month"}))]
pub struct SegmentPatch {
    #[serde(default, deserialize_with = "present")]
    #[validate(length(min = 1, max = 200))]
    #[schema(nullable = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000, nullable)]
    pub description: Option<Option<String>>,
    /// Dynamic segments only.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<SegmentRule>, nullable = false)]
    pub rule: Option<serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c93-4444-7000-8000-000000000001", "name": "Key accounts gone quiet",
    "description": null, "kind": "dynamic",
    "rule": {"all": [{"field": "tier", "op": "eq", "value": "key"}, {"field": "last_contacted_at", "op": "older_than_days", "value": 30}]},
    "member_count": 42, "created_by": "01932c8e-0000-7000-8000-000000000001", "version": 1,
    "created_at": "2026-11-18T10:05:00Z", "updated_at": "2026-11-18T10:05:00Z"
}))]
pub struct Segment {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub kind: SegmentKind,
    #[schema(value_type = Option<SegmentRule>)]
    pub rule: Option<serde_json::Value>,
    /// Members the caller can see (an agent counts only their own customers); null when the
    /// segment cannot be evaluated now, with the reason in `evaluation_error`.
    #[schema(required = true)]
    pub member_count: Option<u64>,
    /// Why the members could not be counted (a stored rule beyond today's budget, or counting
    /// ran past the statement time budget); absent when they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evaluation_error: Option<String>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"customer_ids": ["01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e"]}))]
pub struct MembersChange {
    /// Up to 1000 customer ids; ids that name no customer are reported, not fatal.
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_items = 1, max_items = 1000)]
    pub customer_ids: Vec<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"changed": 2, "unknown_ids": ["01932c94-5555-7000-8000-000000000009"]}))]
pub struct MembersResult {
    /// Customers added to or removed from the segment by this call.
    pub changed: u64,
    /// Ids that name no customer.
    pub unknown_ids: Vec<Uuid>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"rule": {"all": [{"field": "tier", "op": "eq", "value": "key"}, {"field": "last_contacted_at", "op": "older_than_days", "value": 30}]}}))]
pub struct PreviewRequest {
    #[schema(value_type = SegmentRule)]
    pub rule: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewResponse {
    /// How many customers (visible to the caller) match.
    pub count: u64,
    /// The first page of them, newest first.
    pub items: Vec<Customer>,
}

#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SegmentListQuery {
    pub kind: Option<SegmentKind>,
}
