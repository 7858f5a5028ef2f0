//! Users, customers (with their tags), idempotency records and login throttling: the tables
//! the service needs before any relationship work can be recorded.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    Name,
    Role,
    Active,
    PasswordHash,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    Name,
    Company,
    Gender,
    Birthday,
    BirthdayMmdd,
    Email,
    Phone,
    Industry,
    Occupation,
    Position,
    City,
    Country,
    Timezone,
    PreferredChannel,
    ContactWindow,
    SourceChannel,
    ReferredById,
    Tier,
    LifecycleStage,
    SalesStage,
    Status,
    ChurnReason,
    ChurnedAt,
    OwnerId,
    Needs,
    PainPoints,
    Preferences,
    Personality,
    Notes,
    Attributes,
    ImportantDates,
    LastContactedAt,
    LastInboundAt,
    LastOutboundAt,
    LifetimeValueMinor,
    LifetimeValueCurrency,
    PurchaseCount,
    LastPurchaseAt,
    NextTouchpointDueAt,
    OverdueTouchpoints,
    OpenComplaints,
    Version,
    CreatedAt,
    UpdatedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum CustomerTags {
    Table,
    CustomerId,
    Tag,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    UserId,
    Key,
    Method,
    Path,
    RequestHash,
    ResponseStatus,
    ResponseHeaders,
    ResponseBody,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Email,
    Failures,
    LastFailureAt,
    LockedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_uuid(Users::Id))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len(Users::Name, 200))
                    .col(string_len(Users::Role, 16))
                    .col(boolean(Users::Active))
                    .col(string_len(Users::PasswordHash, 255))
                    .col(integer(Users::Version))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Customers::Table)
                    .col(pk_uuid(Customers::Id))
                    .col(string_len(Customers::Name, 200))
                    .col(string_len_null(Customers::Company, 200))
                    .col(string_len_null(Customers::Gender, 50))
                    .col(date_null(Customers::Birthday))
                    // month * 100 + day, so "birthday within N days" is an indexed IN list on
                    // both databases instead of dialect-specific date arithmetic.
                    .col(integer_null(Customers::BirthdayMmdd))
                    .col(string_len_null(Customers::Email, 254))
                    .col(string_len_null(Customers::Phone, 32))
                    .col(string_len_null(Customers::Industry, 100))
                    .col(string_len_null(Customers::Occupation, 100))
                    .col(string_len_null(Customers::Position, 100))
                    .col(string_len_null(Customers::City, 100))
                    .col(string_len_null(Customers::Country, 100))
                    .col(string_len(Customers::Timezone, 64))
                    .col(string_len_null(Customers::PreferredChannel, 16))
                    .col(json_null(Customers::ContactWindow))
                    .col(string_len_null(Customers::SourceChannel, 100))
                    .col(uuid_null(Customers::ReferredById))
                    .col(string_len(Customers::Tier, 16))
                    .col(string_len(Customers::LifecycleStage, 16))
                    .col(string_len(Customers::SalesStage, 24))
                    .col(string_len(Customers::Status, 16))
                    .col(text_null(Customers::ChurnReason))
                    .col(timestamp_with_time_zone_null(Customers::ChurnedAt))
                    .col(uuid(Customers::OwnerId))
                    .col(text_null(Customers::Needs))
                    .col(text_null(Customers::PainPoints))
                    .col(text_null(Customers::Preferences))
                    .col(text_null(Customers::Personality))
                    .col(text_null(Customers::Notes))
                    .col(json(Customers::Attributes))
                    .col(json(Customers::ImportantDates))
                    .col(timestamp_with_time_zone_null(Customers::LastContactedAt))
                    .col(timestamp_with_time_zone_null(Customers::LastInboundAt))
                    .col(timestamp_with_time_zone_null(Customers::LastOutboundAt))
                    .col(big_integer(Customers::LifetimeValueMinor).default(0))
                    .col(string_len_null(Customers::LifetimeValueCurrency, 3))
                    .col(integer(Customers::PurchaseCount).default(0))
                    .col(timestamp_with_time_zone_null(Customers::LastPurchaseAt))
                    .col(timestamp_with_time_zone_null(
                        Customers::NextTouchpointDueAt,
                    ))
                    .col(integer(Customers::OverdueTouchpoints).default(0))
                    .col(integer(Customers::OpenComplaints).default(0))
                    .col(integer(Customers::Version))
                    .col(timestamp_with_time_zone(Customers::CreatedAt))
                    .col(timestamp_with_time_zone(Customers::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Customers::DeletedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_customers_owner")
                            .from(Customers::Table, Customers::OwnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_customers_referred_by")
                            .from(Customers::Table, Customers::ReferredById)
                            .to(Customers::Table, Customers::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;

        // Every list filter and sort key gets an index; lists always exclude soft-deleted rows.
        for (name, cols) in [
            (
                "idx_customers_owner",
                vec![Customers::OwnerId, Customers::Id],
            ),
            ("idx_customers_tier", vec![Customers::Tier, Customers::Id]),
            (
                "idx_customers_status",
                vec![Customers::Status, Customers::Id],
            ),
            (
                "idx_customers_lifecycle",
                vec![Customers::LifecycleStage, Customers::Id],
            ),
            ("idx_customers_industry", vec![Customers::Industry]),
            ("idx_customers_name", vec![Customers::Name, Customers::Id]),
            (
                "idx_customers_created",
                vec![Customers::CreatedAt, Customers::Id],
            ),
            (
                "idx_customers_updated",
                vec![Customers::UpdatedAt, Customers::Id],
            ),
            (
                "idx_customers_last_contacted",
                vec![Customers::LastContactedAt, Customers::Id],
            ),
            ("idx_customers_birthday_mmdd", vec![Customers::BirthdayMmdd]),
            ("idx_customers_email", vec![Customers::Email]),
            ("idx_customers_phone", vec![Customers::Phone]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Customers::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(CustomerTags::Table)
                    .col(uuid(CustomerTags::CustomerId))
                    .col(string_len(CustomerTags::Tag, 64))
                    .primary_key(
                        Index::create()
                            .col(CustomerTags::CustomerId)
                            .col(CustomerTags::Tag),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_customer_tags_customer")
                            .from(CustomerTags::Table, CustomerTags::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_customer_tags_tag")
                    .table(CustomerTags::Table)
                    .col(CustomerTags::Tag)
                    .col(CustomerTags::CustomerId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IdempotencyKeys::Table)
                    .col(uuid(IdempotencyKeys::UserId))
                    .col(string_len(IdempotencyKeys::Key, 255))
                    .col(string_len(IdempotencyKeys::Method, 10))
                    .col(string_len(IdempotencyKeys::Path, 2048))
                    .col(string_len(IdempotencyKeys::RequestHash, 64))
                    // Null while the first request is still being processed.
                    .col(integer_null(IdempotencyKeys::ResponseStatus))
                    .col(json_null(IdempotencyKeys::ResponseHeaders))
                    .col(text_null(IdempotencyKeys::ResponseBody))
                    .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(IdempotencyKeys::UserId)
                            .col(IdempotencyKeys::Key),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_idempotency_created")
                    .table(IdempotencyKeys::Table)
                    .col(IdempotencyKeys::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .col(string_len(LoginThrottle::Email, 254).primary_key())
                    .col(integer(LoginThrottle::Failures))
                    .col(timestamp_with_time_zone(LoginThrottle::LastFailureAt))
                    .col(timestamp_with_time_zone_null(LoginThrottle::LockedUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LoginThrottle::Table.into_iden(),
            IdempotencyKeys::Table.into_iden(),
            CustomerTags::Table.into_iden(),
            Customers::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
