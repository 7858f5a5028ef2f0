//! Playbooks (cadences), and the record of which defaults were ever seeded, so that seeding
//! never re-creates a default that was deleted or overwrites one that was edited.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Playbooks {
    Table,
    Id,
    Name,
    Tier,
    CustomerId,
    Trigger,
    Steps,
    Recurrence,
    Active,
    DefaultKey,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SeededDefaults {
    Table,
    Key,
    SeededAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Playbooks::Table)
                    .col(pk_uuid(Playbooks::Id))
                    .col(string_len(Playbooks::Name, 200))
                    .col(string_len_null(Playbooks::Tier, 16))
                    .col(uuid_null(Playbooks::CustomerId))
                    .col(string_len(Playbooks::Trigger, 32))
                    .col(json(Playbooks::Steps))
                    .col(json_null(Playbooks::Recurrence))
                    .col(boolean(Playbooks::Active))
                    .col(string_len_null(Playbooks::DefaultKey, 64))
                    .col(integer(Playbooks::Version))
                    .col(timestamp_with_time_zone(Playbooks::CreatedAt))
                    .col(timestamp_with_time_zone(Playbooks::UpdatedAt))
                    .foreign_key(
                        &mut ForeignKey::create()
                            .name("fk_playbooks_customer")
                            .from(Playbooks::Table, Playbooks::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_playbooks_trigger")
                    .table(Playbooks::Table)
                    .col(Playbooks::Trigger)
                    .col(Playbooks::Tier)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_playbooks_customer")
                    .table(Playbooks::Table)
                    .col(Playbooks::CustomerId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SeededDefaults::Table)
                    .col(string_len(SeededDefaults::Key, 64).primary_key())
                    .col(timestamp_with_time_zone(SeededDefaults::SeededAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SeededDefaults::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Playbooks::Table).to_owned())
            .await
    }
}
