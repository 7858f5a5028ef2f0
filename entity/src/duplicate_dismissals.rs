use sea_orm::entity::prelude::*;

/// Two customers someone said are not one person; stored with the lower id first. The pair
/// is never proposed again.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "duplicate_dismissals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub customer_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub other_id: Uuid,
    pub actor_type: String,
    pub actor_id: Option<Uuid>,
    pub dismissed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
