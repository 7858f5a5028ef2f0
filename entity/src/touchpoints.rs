use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "touchpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub customer_id: Uuid,
    pub assignee_id: Uuid,
    pub due_at: DateTimeUtc,
    pub channel: String,
    pub purpose: String,
    pub title: String,
    pub notes: Option<String>,
    pub status: String,
    pub source: String,
    pub playbook_id: Option<Uuid>,
    #[sea_orm(unique)]
    pub occurrence_key: Option<String>,
    pub series_anchor_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
    pub interaction_id: Option<Uuid>,
    pub skip_reason: Option<String>,
    pub complaint_id: Option<Uuid>,
    /// The scheduler has announced that it is overdue (`touchpoint.overdue`).
    pub overdue_noted: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
