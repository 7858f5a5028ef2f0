use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    /// The order of the rows one transaction writes (and on SQLite, of all rows).
    #[sea_orm(primary_key)]
    pub seq: i64,
    #[sea_orm(unique)]
    pub id: Uuid,
    /// On PostgreSQL the id of the transaction that wrote the row (a column default); 0 on
    /// SQLite, whose writers commit one at a time in `seq` order.
    pub tx: i64,
    /// The event type, `customer.created` and so on.
    pub kind: String,
    pub occurred_at: DateTimeUtc,
    pub actor_type: String,
    pub actor_id: Option<Uuid>,
    pub subject_id: Uuid,
    pub customer_id: Uuid,
    pub data: Json,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
