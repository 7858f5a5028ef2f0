//! The segment rule tree and the customer fields it may read: the parsed form of a rule,
//! which `domain::segment` builds and turns into SQL.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use entity::customers;
use entity::customers::Column as C;

use crate::model::customer::{Channel, CustomerStatus, LifecycleStage, SalesStage, Tier};
use crate::model::vocabulary;

// A rule's budget. Every value becomes a bound parameter, and the sum stays far below
// either database's limit (SQLite 32,766, PostgreSQL 65,535) even with the customers list's
// own filters added; each text `contains` is a pattern match over every candidate row, the
// costly part of an evaluation, so they have a budget of their own.
pub const MAX_DEPTH: usize = 10;
pub const MAX_NODES: usize = 200;
pub const MAX_LIST: usize = 1000;
pub const MAX_VALUES: usize = 2000;
pub const MAX_PATTERNS: usize = 20;

/// What kind of value a field holds, which decides the operators it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Enum(&'static [&'static str]),
    Id,
    Date,
    Timestamp,
    Integer,
    Tags,
    Attribute,
    Bool,
    /// A channel's consent: `granted`, `refused` or `unknown`, never null.
    Consent,
}

vocabulary!(
    /// A condition's operator; the rule schema's `op` enum is this list.
    Op {
        Eq => "eq",
        Ne => "ne",
        In => "in",
        NotIn => "not_in",
        Contains => "contains",
        Gt => "gt",
        Gte => "gte",
        Lt => "lt",
        Lte => "lte",
        IsNull => "is_null",
        IsNotNull => "is_not_null",
        OlderThanDays => "older_than_days",
        WithinDays => "within_days",
        BirthdayWithinDays => "birthday_within_days",
    }
);

/// A checked, typed value.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Text(String),
    Number(f64),
    Integer(i64),
    Bool(bool),
    Id(Uuid),
    Date(NaiveDate),
    Timestamp(DateTime<Utc>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    None,
    One(Scalar),
    Many(Vec<Scalar>),
    Days(u32),
}

/// A customer field a rule may read: its name in rules, its type, and where its value comes
/// from, declared together so that a name can never be translated to another column.
#[derive(Debug)]
pub struct ColumnField {
    pub name: &'static str,
    pub kind: FieldType,
    pub source: Source,
}

/// Where a field's value comes from.
#[derive(Clone, Copy, Debug)]
pub enum Source {
    Stored(customers::Column),
    /// The customer's touchpoints overdue at evaluation time: it changes as time passes, so
    /// it is counted, never stored.
    OverdueTouchpoints,
}

impl PartialEq for ColumnField {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for ColumnField {}

/// The field a condition reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Column(&'static ColumnField),
    Tags,
    Attribute(String),
    /// `consent.<channel>`.
    Consent(Channel),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
    Condition {
        field: Field,
        op: Op,
        operand: Operand,
    },
}

/// The customer fields a rule may read.
pub const FIELDS: &[ColumnField] = &[
    field("name", FieldType::Text, C::Name),
    field("company", FieldType::Text, C::Company),
    field("gender", FieldType::Text, C::Gender),
    field("email", FieldType::Text, C::Email),
    field("phone", FieldType::Text, C::Phone),
    field("industry", FieldType::Text, C::Industry),
    field("occupation", FieldType::Text, C::Occupation),
    field("position", FieldType::Text, C::Position),
    field("city", FieldType::Text, C::City),
    field("country", FieldType::Text, C::Country),
    field("timezone", FieldType::Text, C::Timezone),
    field("source_channel", FieldType::Text, C::SourceChannel),
    field("churn_reason", FieldType::Text, C::ChurnReason),
    field("needs", FieldType::Text, C::Needs),
    field("pain_points", FieldType::Text, C::PainPoints),
    field("preferences", FieldType::Text, C::Preferences),
    field("personality", FieldType::Text, C::Personality),
    field("notes", FieldType::Text, C::Notes),
    field("tier", FieldType::Enum(Tier::NAMES), C::Tier),
    field(
        "lifecycle_stage",
        FieldType::Enum(LifecycleStage::NAMES),
        C::LifecycleStage,
    ),
    field(
        "sales_stage",
        FieldType::Enum(SalesStage::NAMES),
        C::SalesStage,
    ),
    field("status", FieldType::Enum(CustomerStatus::NAMES), C::Status),
    field(
        "preferred_channel",
        FieldType::Enum(Channel::NAMES),
        C::PreferredChannel,
    ),
    field("owner_id", FieldType::Id, C::OwnerId),
    field("referred_by_id", FieldType::Id, C::ReferredById),
    field("birthday", FieldType::Date, C::Birthday),
    field("created_at", FieldType::Timestamp, C::CreatedAt),
    field("updated_at", FieldType::Timestamp, C::UpdatedAt),
    field("churned_at", FieldType::Timestamp, C::ChurnedAt),
    field(
        "last_contacted_at",
        FieldType::Timestamp,
        C::LastContactedAt,
    ),
    field("last_inbound_at", FieldType::Timestamp, C::LastInboundAt),
    field("last_outbound_at", FieldType::Timestamp, C::LastOutboundAt),
    field("last_purchase_at", FieldType::Timestamp, C::LastPurchaseAt),
    field(
        "next_touchpoint_due_at",
        FieldType::Timestamp,
        C::NextTouchpointDueAt,
    ),
    field(
        "lifetime_value_minor",
        FieldType::Integer,
        C::LifetimeValueMinor,
    ),
    field("purchase_count", FieldType::Integer, C::PurchaseCount),
    ColumnField {
        name: "overdue_touchpoints",
        kind: FieldType::Integer,
        source: Source::OverdueTouchpoints,
    },
    field("open_complaints", FieldType::Integer, C::OpenComplaints),
    field("do_not_contact", FieldType::Bool, C::DoNotContact),
];

const fn field(name: &'static str, kind: FieldType, column: customers::Column) -> ColumnField {
    ColumnField {
        name,
        kind,
        source: Source::Stored(column),
    }
}

pub fn ops_for(t: FieldType) -> &'static [Op] {
    use Op::*;
    match t {
        FieldType::Text => &[Eq, Ne, In, NotIn, Contains, IsNull, IsNotNull],
        FieldType::Enum(_) | FieldType::Id => &[Eq, Ne, In, NotIn, IsNull, IsNotNull],
        FieldType::Date => &[
            Eq,
            Ne,
            Gt,
            Gte,
            Lt,
            Lte,
            IsNull,
            IsNotNull,
            BirthdayWithinDays,
        ],
        FieldType::Timestamp => &[
            Gt,
            Gte,
            Lt,
            Lte,
            IsNull,
            IsNotNull,
            OlderThanDays,
            WithinDays,
        ],
        FieldType::Integer => &[Eq, Ne, In, NotIn, Gt, Gte, Lt, Lte],
        FieldType::Tags => &[Contains, In, NotIn, IsNull, IsNotNull],
        FieldType::Attribute => &[
            Eq, Ne, In, NotIn, Contains, Gt, Gte, Lt, Lte, IsNull, IsNotNull,
        ],
        FieldType::Bool => &[Eq, Ne],
        FieldType::Consent => &[Eq, Ne, In, NotIn],
    }
}

pub fn valid_attribute_key(key: &str) -> bool {
    (1..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
