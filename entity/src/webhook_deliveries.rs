use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub webhook_id: Uuid,
    /// The event delivered, also the `webhook-id` header (the same on every retry).
    pub event_id: Uuid,
    pub event_type: String,
    /// None for a ping.
    pub customer_id: Option<Uuid>,
    /// The event's feed position, which orders one customer's deliveries.
    pub event_tx: i64,
    pub event_seq: i64,
    /// The request body: the event as the feed shows it.
    pub body: String,
    /// `pending`, `delivered` or `failed`.
    pub state: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// After this instant a failed attempt is the last.
    pub give_up_at: DateTimeUtc,
    /// The worker that has claimed the delivery, until `lease_until`.
    pub lease_id: Option<Uuid>,
    pub lease_until: Option<DateTimeUtc>,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
