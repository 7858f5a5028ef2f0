use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "interactions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub customer_id: Uuid,
    pub user_id: Uuid,
    pub channel: String,
    pub direction: String,
    pub occurred_at: DateTimeUtc,
    pub subject: Option<String>,
    pub summary: Option<String>,
    pub outcome: Option<String>,
    pub satisfaction: Option<i32>,
    pub touchpoint_id: Option<Uuid>,
    /// Outbound on a channel the customer refused, or to a customer not to be contacted.
    pub without_consent: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
