//! Touchpoints: each contact a customer is owed, manual or generated. `occurrence_key` names
//! a generated occurrence (a playbook step of one trigger, one occurrence of a series, one
//! year's birthday), and its unique index is what makes generation idempotent across passes
//! and replicas. `series_anchor_at` marks an occurrence of a recurring series (the series is
//! its playbook and customer; at most one occurrence of it is open at a time).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Touchpoints {
    Table,
    Id,
    CustomerId,
    AssigneeId,
    DueAt,
    Channel,
    Purpose,
    Title,
    Notes,
    Status,
    Source,
    PlaybookId,
    OccurrenceKey,
    SeriesAnchorAt,
    CompletedAt,
    InteractionId,
    SkipReason,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Touchpoints::Table)
                    .col(pk_uuid(Touchpoints::Id))
                    .col(uuid(Touchpoints::CustomerId))
                    .col(uuid(Touchpoints::AssigneeId))
                    .col(timestamp_with_time_zone(Touchpoints::DueAt))
                    .col(string_len(Touchpoints::Channel, 16))
                    .col(string_len(Touchpoints::Purpose, 32))
                    .col(string_len(Touchpoints::Title, 200))
                    .col(text_null(Touchpoints::Notes))
                    .col(string_len(Touchpoints::Status, 16))
                    .col(string_len(Touchpoints::Source, 16))
                    .col(uuid_null(Touchpoints::PlaybookId))
                    .col(string_len_null(Touchpoints::OccurrenceKey, 200).unique_key())
                    .col(timestamp_with_time_zone_null(Touchpoints::SeriesAnchorAt))
                    .col(timestamp_with_time_zone_null(Touchpoints::CompletedAt))
                    .col(uuid_null(Touchpoints::InteractionId))
                    .col(string_len_null(Touchpoints::SkipReason, 500))
                    .col(integer(Touchpoints::Version))
                    .col(timestamp_with_time_zone(Touchpoints::CreatedAt))
                    .col(timestamp_with_time_zone(Touchpoints::UpdatedAt))
                    .foreign_key(
                        &mut ForeignKey::create()
                            .name("fk_touchpoints_customer")
                            .from(Touchpoints::Table, Touchpoints::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .to_owned(),
                    )
                    .foreign_key(
                        &mut ForeignKey::create()
                            .name("fk_touchpoints_assignee")
                            .from(Touchpoints::Table, Touchpoints::AssigneeId)
                            .to(Users::Table, Users::Id)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_touchpoints_assignee",
                vec![
                    Touchpoints::AssigneeId,
                    Touchpoints::Status,
                    Touchpoints::DueAt,
                ],
            ),
            (
                "idx_touchpoints_customer",
                vec![
                    Touchpoints::CustomerId,
                    Touchpoints::Status,
                    Touchpoints::DueAt,
                ],
            ),
            (
                "idx_touchpoints_due",
                vec![Touchpoints::Status, Touchpoints::DueAt],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(Touchpoints::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Touchpoints::Table).to_owned())
            .await
    }
}
