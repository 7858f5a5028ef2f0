use sea_orm::entity::prelude::*;

/// One change of a customer's consent: a channel's state, or the "do not contact" flag.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "consent_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub customer_id: Uuid,
    /// The channel whose state changed; null for a change of `do_not_contact`.
    pub channel: Option<String>,
    pub state: Option<String>,
    pub do_not_contact: Option<bool>,
    /// Where the customer said so (a form, a call, a letter), as the caller gave it.
    pub source: Option<String>,
    pub actor_type: String,
    pub actor_id: Option<Uuid>,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
