use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub customer_id: Uuid,
    pub kind: String,
    pub category: String,
    pub severity: String,
    pub subject: String,
    pub description: Option<String>,
    pub channel: Option<String>,
    pub received_at: DateTimeUtc,
    pub assignee_id: Uuid,
    pub status: String,
    pub remediation_plan: Option<String>,
    pub resolution: Option<String>,
    pub satisfaction_after: Option<i16>,
    pub escalation_level: i32,
    pub first_response_due_at: DateTimeUtc,
    pub resolution_due_at: DateTimeUtc,
    pub first_responded_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub waiting_since: Option<DateTimeUtc>,
    pub paused_seconds: i64,
    pub response_escalated: bool,
    pub resolution_escalations: i32,
    pub next_escalation_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
