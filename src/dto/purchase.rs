//! Purchase bodies.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount_minor": 129900, "currency": "EUR", "occurred_at": "2026-11-18T10:00:00Z", "description": "Annual licence"}))]
pub struct PurchaseCreate {
    /// Amount in minor units of `currency` (cents for EUR).
    #[serde(deserialize_with = "crate::model::number::whole_i64")]
    #[schema(minimum = 1, maximum = 1_000_000_000_000_000_i64)]
    pub amount_minor: i64,
    /// ISO 4217 code. A customer's purchases share one currency, so the lifetime value is a
    /// real sum.
    #[schema(pattern = "^[A-Z]{3}$", example = "EUR")]
    pub currency: String,
    /// Defaults to now; may not be in the future.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub occurred_at: Option<DateTime<Utc>>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c91-2222-7000-8000-000000000001", "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e",
    "amount_minor": 129900, "currency": "EUR", "occurred_at": "2026-11-18T10:00:00Z",
    "description": "Annual licence", "created_by": "01932c8e-0000-7000-8000-000000000001",
    "version": 1, "created_at": "2026-11-18T10:05:00Z"
}))]
pub struct Purchase {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub amount_minor: i64,
    pub currency: String,
    pub occurred_at: DateTime<Utc>,
    pub description: Option<String>,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl From<entity::purchases::Model> for Purchase {
    fn from(m: entity::purchases::Model) -> Self {
        Self {
            id: m.id,
            customer_id: m.customer_id,
            amount_minor: m.amount_minor,
            currency: m.currency,
            occurred_at: m.occurred_at,
            description: m.description,
            created_by: m.created_by,
            version: m.version,
            created_at: m.created_at,
        }
    }
}
