use sea_orm::entity::prelude::*;

/// Two live customers that look like one person, found by the duplicate matcher; stored with
/// the lower id first.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "duplicate_pairs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub customer_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub other_id: Uuid,
    pub score: i16,
    /// `[{"code","detail"}]`, as the API shows them.
    pub reasons: Json,
    pub found_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
