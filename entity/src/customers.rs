use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "customers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub company: Option<String>,
    pub gender: Option<String>,
    pub birthday: Option<Date>,
    pub birthday_mmdd: Option<i32>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The phone in E.164 (`+4930123456`), read with `country` as the default region.
    pub phone_e164: Option<String>,
    pub industry: Option<String>,
    pub occupation: Option<String>,
    pub position: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub timezone: String,
    pub preferred_channel: Option<String>,
    pub contact_window: Option<Json>,
    pub source_channel: Option<String>,
    pub referred_by_id: Option<Uuid>,
    pub tier: String,
    pub lifecycle_stage: String,
    pub sales_stage: String,
    pub status: String,
    pub churn_reason: Option<String>,
    pub churned_at: Option<DateTimeUtc>,
    pub owner_id: Uuid,
    pub needs: Option<String>,
    pub pain_points: Option<String>,
    pub preferences: Option<String>,
    pub personality: Option<String>,
    pub notes: Option<String>,
    pub attributes: Json,
    pub important_dates: Json,
    pub last_contacted_at: Option<DateTimeUtc>,
    pub last_inbound_at: Option<DateTimeUtc>,
    pub last_outbound_at: Option<DateTimeUtc>,
    pub lifetime_value_minor: i64,
    pub lifetime_value_currency: Option<String>,
    pub purchase_count: i32,
    pub last_purchase_at: Option<DateTimeUtc>,
    pub next_touchpoint_due_at: Option<DateTimeUtc>,
    pub open_complaints: i32,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
    /// Channel → `granted` or `refused`; a channel not named is unknown.
    pub consent: Json,
    pub do_not_contact: bool,
    pub erased_at: Option<DateTimeUtc>,
    pub erasure_reason: Option<String>,
    /// Company and city compared without case or extra space.
    pub company_key: Option<String>,
    pub city_key: Option<String>,
    /// The customer this one was merged into; it then no longer exists for the API.
    pub merged_into: Option<Uuid>,
    pub merged_at: Option<DateTimeUtc>,
    /// When its duplicate candidates were last looked for; `None` once a key changed.
    pub duplicates_checked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::OwnerId",
        to = "super::users::Column::Id"
    )]
    Owner,
    #[sea_orm(has_many = "super::customer_tags::Entity")]
    Tags,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}

impl Related<super::customer_tags::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Tags.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
