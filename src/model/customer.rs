//! The closed vocabularies and structured values of a customer profile.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

use crate::model::vocabulary;

vocabulary!(
    /// How much and how steadily a customer buys; drives the contact cadence.
    Tier {
        /// Bought once, occasionally or recently.
        General => "general",
        /// Large one-off or high-frequency purchases.
        Important => "important",
        /// Continuous, stable purchasing; the largest profit source.
        Key => "key",
    }
);

vocabulary!(
    /// Where the relationship stands.
    LifecycleStage {
        Exploration => "exploration",
        Awareness => "awareness",
        Expansion => "expansion",
        Commitment => "commitment",
        Dissolution => "dissolution",
    }
);

vocabulary!(
    /// The selling process, so the pre-sale to after-sale hand-off is visible.
    SalesStage {
        Inquiry => "inquiry",
        FirstMeeting => "first_meeting",
        NeedsIdentified => "needs_identified",
        Negotiation => "negotiation",
        Contracted => "contracted",
        AfterSale => "after_sale",
    }
);

vocabulary!(
    CustomerStatus {
        Active => "active",
        Churned => "churned",
    }
);

vocabulary!(
    /// A way of reaching a customer.
    Channel {
        Phone => "phone",
        Email => "email",
        Sms => "sms",
        Visit => "visit",
        Letter => "letter",
        Gift => "gift",
        Event => "event",
        Meeting => "meeting",
        Chat => "chat",
        Other => "other",
    }
);

/// ISO weekday, 1 = Monday … 7 = Sunday. Accepts `3` and `3.0`, as JSON Schema integers allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Weekday(pub u8);

impl<'de> Deserialize<'de> for Weekday {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n: i64 = crate::model::number::whole_number(deserializer)?;
        match u8::try_from(n) {
            Ok(d @ 1..=7) => Ok(Weekday(d)),
            _ => Err(serde::de::Error::custom(format!(
                "weekday must be between 1 (Monday) and 7 (Sunday), got {n}"
            ))),
        }
    }
}

impl utoipa::PartialSchema for Weekday {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(7))
            .description(Some("ISO weekday: 1 = Monday … 7 = Sunday"))
            .into()
    }
}

impl ToSchema for Weekday {}

/// When a customer may be contacted, in the customer's own timezone. A window whose end is
/// before its start runs past midnight (22:00–02:00).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"weekdays": [1, 2, 3, 4, 5], "start": "12:00", "end": "18:00"}))]
pub struct ContactWindow {
    /// Repeated days count once.
    #[schema(min_items = 1, max_items = 7)]
    pub weekdays: Vec<Weekday>,
    /// Local time `HH:MM`.
    #[schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "12:00")]
    pub start: String,
    /// Local time `HH:MM`, different from `start`.
    #[schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "18:00")]
    pub end: String,
}

impl ContactWindow {
    pub fn start_time(&self) -> Option<NaiveTime> {
        parse_hhmm(&self.start)
    }

    pub fn end_time(&self) -> Option<NaiveTime> {
        parse_hhmm(&self.end)
    }
}

pub fn parse_hhmm(value: &str) -> Option<NaiveTime> {
    if value.len() != 5 {
        return None;
    }
    NaiveTime::parse_from_str(value, "%H:%M").ok()
}

/// A personal date worth a greeting: a child's birthday, a wedding anniversary, a store
/// reopening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"label": "Wedding anniversary", "date": "2015-06-12", "recurring": true}))]
pub struct ImportantDate {
    #[schema(min_length = 1, max_length = 100)]
    pub label: String,
    #[schema(pattern = r"^(19[0-9]{2}|[2-9][0-9]{3})-")]
    pub date: NaiveDate,
    /// Whether the date comes back every year.
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub recurring: bool,
}

fn yes() -> bool {
    true
}

/// What separates tags in a CSV cell, and so may not be part of a tag.
pub const TAG_SEPARATOR: char = ';';

/// A tag: 1–64 characters, not blank, without the CSV separator `;`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tag(pub String);

impl utoipa::PartialSchema for Tag {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .max_length(Some(64))
            .pattern(Some(r"^[^;]*[^;\s][^;]*$"))
            .examples([serde_json::json!("vip")])
            .into()
    }
}

impl ToSchema for Tag {}
