//! Customer bodies and list parameters.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::dto::{Timezone, nullable, present};
use crate::model::consent::{Consent, ConsentShown};
use crate::model::customer::{
    Channel, ContactWindow, CustomerStatus, ImportantDate, LifecycleStage, SalesStage, Tag, Tier,
};
use crate::model::sort::CustomerSort;

/// Phone numbers: digits with optional leading `+` and common separators.
pub const PHONE_PATTERN: &str = r"^\+?[0-9][0-9 ().-]{2,30}$";
/// At least one character that is not white space.
pub const NOT_BLANK: &str = r"\S";

/// A new customer. Only `name` is required.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Ada Lovelace", "company": "Analytical Engines Ltd", "email": "ada@example.com",
    "phone": "+44 20 7946 0000", "birthday": "1985-12-10", "tier": "important",
    "timezone": "Europe/London", "preferred_channel": "phone",
    "contact_window": {"weekdays": [1, 2, 3, 4, 5], "start": "12:00", "end": "18:00"},
    "tags": ["vip", "engineering"], "attributes": {"plan": "enterprise"},
    "important_dates": [{"label": "Company anniversary", "date": "2012-03-01", "recurring": true}],
    "consent": {"email": "granted", "sms": "refused"}, "consent_source": "signup form"
}))]
pub struct CustomerCreate {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub company: Option<String>,
    /// Free text.
    #[validate(length(max = 50))]
    #[schema(max_length = 50)]
    pub gender: Option<String>,
    /// Not in the future.
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub birthday: Option<NaiveDate>,
    #[validate(email, length(max = 254))]
    #[schema(format = Email, max_length = 254)]
    pub email: Option<String>,
    #[validate(length(max = 32))]
    #[schema(max_length = 32, pattern = r"^\+?[0-9][0-9 ().-]{2,30}$")]
    pub phone: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub industry: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub occupation: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub position: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub city: Option<String>,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub country: Option<String>,
    /// IANA timezone name; defaults to `UTC`.
    #[schema(value_type = Option<Timezone>)]
    pub timezone: Option<String>,
    pub preferred_channel: Option<Channel>,
    pub contact_window: Option<ContactWindow>,
    /// Free text: where the customer came from.
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub source_channel: Option<String>,
    /// An existing customer who referred this one.
    pub referred_by_id: Option<Uuid>,
    pub tier: Option<Tier>,
    pub lifecycle_stage: Option<LifecycleStage>,
    pub sales_stage: Option<SalesStage>,
    pub status: Option<CustomerStatus>,
    /// Required when `status` is `churned`.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub churn_reason: Option<String>,
    /// When the customer was lost, for a loss noticed late: only with `status` `churned`, not
    /// in the future; defaults to now.
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub churned_at: Option<DateTime<Utc>>,
    /// An active, non-viewer user; defaults to the caller. Agents may only name themselves.
    pub owner_id: Option<Uuid>,
    #[schema(max_items = 50)]
    pub tags: Option<Vec<Tag>>,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub needs: Option<String>,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub pain_points: Option<String>,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub preferences: Option<String>,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub personality: Option<String>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
    /// Free JSON object of custom attributes.
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<serde_json::Map<String, serde_json::Value>>,
    #[schema(max_items = 50)]
    pub important_dates: Option<Vec<ImportantDate>>,
    /// Consent by channel; channels left out are `unknown`.
    pub consent: Option<Consent>,
    /// No outbound contact at all (complaint follow-ups excepted); default `false`.
    pub do_not_contact: Option<bool>,
    /// Where the consent given here was expressed (a form, a call), kept in the consent
    /// history; defaults to `api`. Write-only.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "signup form")]
    pub consent_source: Option<String>,
}

/// A partial update: absent fields stay as they are, `null` clears an optional field.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"tier": "key", "notes": "Prefers calls after lunch", "company": null}))]
pub struct CustomerPatch {
    #[validate(length(min = 1, max = 200))]
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 200))]
    #[schema(max_length = 200, nullable)]
    pub company: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 50))]
    #[schema(max_length = 50, nullable)]
    pub gender: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>, nullable, pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub birthday: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(email, length(max = 254))]
    #[schema(format = Email, max_length = 254, nullable)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 32))]
    #[schema(max_length = 32, pattern = r"^\+?[0-9][0-9 ().-]{2,30}$", nullable)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100, nullable)]
    pub industry: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100, nullable)]
    pub occupation: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100, nullable)]
    pub position: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100, nullable)]
    pub city: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100, nullable)]
    pub country: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, value_type = Option<Timezone>)]
    pub timezone: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Channel>, nullable)]
    pub preferred_channel: Option<Option<Channel>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<ContactWindow>, nullable)]
    pub contact_window: Option<Option<ContactWindow>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100, nullable)]
    pub source_channel: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub referred_by_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub tier: Option<Tier>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub lifecycle_stage: Option<LifecycleStage>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub sales_stage: Option<SalesStage>,
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub status: Option<CustomerStatus>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000, nullable)]
    pub churn_reason: Option<Option<String>>,
    /// When the customer was lost, for a loss noticed late: only with `status` `churned`, not
    /// in the future; `null` (or leaving it out when the status changes) means now.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<DateTime<Utc>>, nullable, pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub churned_at: Option<Option<DateTime<Utc>>>,
    /// Managers and admins only.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub owner_id: Option<Uuid>,
    /// Replaces the whole tag list.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, max_items = 50)]
    pub tags: Option<Vec<Tag>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000, nullable)]
    pub needs: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000, nullable)]
    pub pain_points: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000, nullable)]
    pub preferences: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000, nullable)]
    pub personality: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000, nullable)]
    pub notes: Option<Option<String>>,
    /// Replaces the whole attributes object.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, value_type = Option<Object>)]
    pub attributes: Option<serde_json::Map<String, serde_json::Value>>,
    /// Replaces the whole list.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false, max_items = 50)]
    pub important_dates: Option<Vec<ImportantDate>>,
    /// The channels named take their new state (`unknown` forgets one); the others stay.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub consent: Option<Consent>,
    /// Setting it cancels the customer's open outbound touchpoints.
    #[serde(default, deserialize_with = "present")]
    #[schema(nullable = false)]
    pub do_not_contact: Option<bool>,
    /// Where a consent change sent here was expressed, kept in the consent history; defaults
    /// to `api`. Write-only.
    #[serde(default, deserialize_with = "present")]
    #[validate(length(min = 1, max = 200))]
    #[schema(
        nullable = false,
        min_length = 1,
        max_length = 200,
        example = "phone call"
    )]
    pub consent_source: Option<String>,
}

/// A customer as the API shows it, with the derived relationship-health fields.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "name": "Ada Lovelace",
    "company": "Analytical Engines Ltd", "gender": null, "birthday": "1985-12-10",
    "email": "ada@example.com", "phone": "+44 20 7946 0000", "industry": "engineering",
    "occupation": null, "position": "CTO", "city": "London", "country": "GB",
    "timezone": "Europe/London", "preferred_channel": "phone",
    "contact_window": {"weekdays": [1, 2, 3, 4, 5], "start": "12:00", "end": "18:00"},
    "source_channel": "trade fair", "referred_by_id": null, "tier": "important",
    "lifecycle_stage": "expansion", "sales_stage": "after_sale", "status": "active",
    "churn_reason": null, "churned_at": null, "owner_id": "01932c8e-0000-7000-8000-000000000001",
    "tags": ["engineering", "vip"], "needs": "Reliable delivery", "pain_points": null,
    "preferences": "Calls after lunch", "personality": null, "notes": null,
    "attributes": {"plan": "enterprise"},
    "important_dates": [{"label": "Company anniversary", "date": "2012-03-01", "recurring": true}],
    "consent": {"phone": "granted", "email": "granted", "sms": "refused", "visit": "unknown",
        "letter": "unknown", "gift": "unknown", "event": "unknown", "meeting": "unknown",
        "chat": "unknown", "other": "unknown"},
    "do_not_contact": false,
    "last_contacted_at": "2026-11-02T14:30:00Z", "last_inbound_at": null,
    "last_outbound_at": "2026-11-02T14:30:00Z", "lifetime_value_minor": 1250000,
    "lifetime_value_currency": "EUR", "purchase_count": 3,
    "last_purchase_at": "2026-10-20T09:00:00Z", "next_touchpoint_due_at": "2026-11-27T12:00:00Z",
    "overdue_touchpoints": 0, "open_complaints": 0, "version": 4,
    "created_at": "2026-01-15T10:00:00Z", "updated_at": "2026-11-02T14:30:00Z"
}))]
pub struct Customer {
    pub id: Uuid,
    pub name: String,
    pub company: Option<String>,
    pub gender: Option<String>,
    pub birthday: Option<NaiveDate>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub industry: Option<String>,
    pub occupation: Option<String>,
    pub position: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    #[schema(value_type = Timezone)]
    pub timezone: String,
    pub preferred_channel: Option<Channel>,
    pub contact_window: Option<ContactWindow>,
    pub source_channel: Option<String>,
    pub referred_by_id: Option<Uuid>,
    pub tier: Tier,
    pub lifecycle_stage: LifecycleStage,
    pub sales_stage: SalesStage,
    pub status: CustomerStatus,
    pub churn_reason: Option<String>,
    pub churned_at: Option<DateTime<Utc>>,
    pub owner_id: Uuid,
    pub tags: Vec<String>,
    pub needs: Option<String>,
    pub pain_points: Option<String>,
    pub preferences: Option<String>,
    pub personality: Option<String>,
    pub notes: Option<String>,
    #[schema(value_type = Object)]
    pub attributes: serde_json::Map<String, serde_json::Value>,
    pub important_dates: Vec<ImportantDate>,
    pub consent: ConsentShown,
    /// No outbound contact: the cadence plans nothing and campaigns leave the customer out.
    pub do_not_contact: bool,
    pub last_contacted_at: Option<DateTime<Utc>>,
    pub last_inbound_at: Option<DateTime<Utc>>,
    pub last_outbound_at: Option<DateTime<Utc>>,
    /// Sum of purchases in minor units of `lifetime_value_currency`.
    pub lifetime_value_minor: i64,
    pub lifetime_value_currency: Option<String>,
    pub purchase_count: i32,
    pub last_purchase_at: Option<DateTime<Utc>>,
    pub next_touchpoint_due_at: Option<DateTime<Utc>>,
    pub overdue_touchpoints: i32,
    pub open_complaints: i32,
    /// Increases with every change; send it back in `If-Match`.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Filters, sort and page of the customers list.
#[derive(Debug, Default, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerListQuery {
    /// Sort key, default `-created_at` (newest first).
    pub sort: Option<CustomerSort>,
    pub tier: Option<Tier>,
    pub lifecycle_stage: Option<LifecycleStage>,
    pub status: Option<CustomerStatus>,
    pub owner_id: Option<Uuid>,
    /// Customers carrying this tag.
    #[param(max_length = 64)]
    #[validate(length(max = 64))]
    pub tag: Option<String>,
    /// Exact industry.
    #[param(max_length = 100)]
    #[validate(length(max = 100))]
    pub industry: Option<String>,
    /// Case-insensitive search in name, company, email and phone.
    #[param(max_length = 200)]
    #[validate(length(max = 200))]
    pub q: Option<String>,
    /// Customers never contacted, or last contacted before this instant.
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub last_contacted_before: Option<DateTime<Utc>>,
    /// Customers whose birthday falls within the next N days (0 = today), 0–366.
    #[serde(default, deserialize_with = "crate::dto::page::query_whole")]
    #[param(minimum = 0, maximum = 366, value_type = Option<i64>)]
    pub birthday_within_days: Option<i64>,
    /// Customers with a scheduled touchpoint due before this instant (overdue ones included).
    #[validate(custom(function = "crate::dto::time::instant"))]
    #[param(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub next_touchpoint_due_before: Option<DateTime<Utc>>,
    /// Customers with at least this many overdue touchpoints now, 0–10000.
    #[serde(default, deserialize_with = "crate::dto::page::query_whole")]
    #[param(minimum = 0, maximum = 10000, value_type = Option<i64>)]
    pub overdue_touchpoints_min: Option<i64>,
    /// Customers with at least this many open (not yet resolved) complaints, 0–10000.
    #[serde(default, deserialize_with = "crate::dto::page::query_whole")]
    #[param(minimum = 0, maximum = 10000, value_type = Option<i64>)]
    pub open_complaints_min: Option<i64>,
    /// Members of this segment (static list or dynamic rule).
    pub segment_id: Option<Uuid>,
    /// Customers who granted consent for this channel.
    pub consent_granted: Option<Channel>,
    /// Customers who refused this channel.
    pub consent_refused: Option<Channel>,
    /// Customers marked (`true`) or not marked (`false`) not to be contacted.
    pub do_not_contact: Option<bool>,
}

/// Why a customer's personal data is erased (kept with the anonymous record).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Erasure request received by letter on 2026-11-30"}))]
pub struct ErasureRequest {
    /// Not blank; never personal data of the customer (it is kept).
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

/// The receipt of an erasure, the same every time it is asked for again.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "customer_id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "erased_at": "2026-12-01T10:00:00Z",
    "reason": "Erasure request received by letter on 2026-11-30"
}))]
pub struct Erasure {
    pub customer_id: Uuid,
    pub erased_at: DateTime<Utc>,
    pub reason: String,
}

/// The `format` of a customer export.
pub const EXPORT_FORMAT: &str = "rapport.customer-export.v1";

/// Everything Rapport holds about one customer (`GET /customers/{id}/export`).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "format": "rapport.customer-export.v1", "exported_at": "2026-12-01T10:00:00Z",
    "customer": {"id": "01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e", "name": "Ada Lovelace"},
    "records": {
        "interactions": [{"id": "01932c90-0000-7000-8000-000000000001", "channel": "phone",
            "direction": "outbound", "summary": "Thanked for the order"}],
        "purchases": [{"id": "01932c91-0000-7000-8000-000000000001", "amount_minor": 125000, "currency": "EUR"}]
    }
}))]
pub struct CustomerExport {
    /// `rapport.customer-export.v1`.
    pub format: String,
    pub exported_at: DateTime<Utc>,
    /// The customer as `GET /customers/{id}` shows it (a `Customer`).
    #[schema(value_type = Object)]
    pub customer: serde_json::Value,
    /// Every record linked to the customer, by table, each row with all its stored columns:
    /// `customer_tags`, `segment_members` (memberships), `consent_changes` (consent history),
    /// `customer_history`, `customer_handoffs`, `playbooks` (a personal plan), `purchases`,
    /// `interactions`, `touchpoints`, `complaints`, `complaint_events`, `domain_events`,
    /// `events` (the feed about the customer), `webhook_deliveries` and `webhook_attempts`.
    #[schema(value_type = Object)]
    pub records: serde_json::Value,
}
