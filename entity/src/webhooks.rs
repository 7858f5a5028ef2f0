use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhooks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub url: String,
    /// Event type names; empty for every type.
    pub event_types: Json,
    pub active: bool,
    pub description: Option<String>,
    /// `whsec_…`, kept as it is because signing needs it.
    pub secret: String,
    /// The secret before the last rotation, still signing until `previous_secret_expires_at`.
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<DateTimeUtc>,
    /// Why the service turned the endpoint off, if it did.
    pub disabled_reason: Option<String>,
    /// Since when every attempt has failed; none while the endpoint answers.
    pub failing_since: Option<DateTimeUtc>,
    /// The feed position (`tx`, `seq`) up to which events have become deliveries.
    pub cursor_tx: i64,
    pub cursor_seq: i64,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
