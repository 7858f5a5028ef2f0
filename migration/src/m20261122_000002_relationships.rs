//! Relationship records: the history of a customer's key fields, owner hand-offs,
//! interactions, purchases, the outbox of domain events, and segments.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    LifetimeValueMinor,
    PurchaseCount,
    LastPurchaseAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CustomerHistory {
    Table,
    Id,
    CustomerId,
    Field,
    FromValue,
    ToValue,
    ActorId,
    Reason,
    At,
}

#[derive(DeriveIden)]
enum CustomerHandoffs {
    Table,
    Id,
    CustomerId,
    FromOwnerId,
    ToOwnerId,
    ByUserId,
    Reason,
    At,
}

#[derive(DeriveIden)]
enum Interactions {
    Table,
    Id,
    CustomerId,
    UserId,
    Channel,
    Direction,
    OccurredAt,
    Subject,
    Summary,
    Outcome,
    Satisfaction,
    TouchpointId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Purchases {
    Table,
    Id,
    CustomerId,
    AmountMinor,
    Currency,
    OccurredAt,
    Description,
    CreatedBy,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DomainEvents {
    Table,
    Id,
    Kind,
    CustomerId,
    Payload,
    OccurredAt,
    ProcessedAt,
}

#[derive(DeriveIden)]
enum Segments {
    Table,
    Id,
    Name,
    Description,
    Kind,
    Rule,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SegmentMembers {
    Table,
    SegmentId,
    CustomerId,
    AddedAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(col);
    }
    manager.create_index(index.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The customers list sorts by the value figures these records maintain.
        for (name, col) in [
            ("idx_customers_value", Customers::LifetimeValueMinor),
            ("idx_customers_purchases", Customers::PurchaseCount),
            ("idx_customers_last_purchase", Customers::LastPurchaseAt),
        ] {
            index(
                manager,
                name,
                Customers::Table,
                vec![col.into_iden(), Customers::Id.into_iden()],
            )
            .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(CustomerHistory::Table)
                    .col(pk_uuid(CustomerHistory::Id))
                    .col(uuid(CustomerHistory::CustomerId))
                    .col(string_len(CustomerHistory::Field, 24))
                    .col(text_null(CustomerHistory::FromValue))
                    .col(text_null(CustomerHistory::ToValue))
                    .col(uuid_null(CustomerHistory::ActorId))
                    .col(text_null(CustomerHistory::Reason))
                    .col(timestamp_with_time_zone(CustomerHistory::At))
                    .foreign_key(&mut fk(
                        "fk_history_customer",
                        (CustomerHistory::Table, CustomerHistory::CustomerId),
                        (Customers::Table, Customers::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_history_customer",
            CustomerHistory::Table,
            vec![
                CustomerHistory::CustomerId.into_iden(),
                CustomerHistory::At.into_iden(),
                CustomerHistory::Id.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(CustomerHandoffs::Table)
                    .col(pk_uuid(CustomerHandoffs::Id))
                    .col(uuid(CustomerHandoffs::CustomerId))
                    .col(uuid(CustomerHandoffs::FromOwnerId))
                    .col(uuid(CustomerHandoffs::ToOwnerId))
                    .col(uuid(CustomerHandoffs::ByUserId))
                    .col(text_null(CustomerHandoffs::Reason))
                    .col(timestamp_with_time_zone(CustomerHandoffs::At))
                    .foreign_key(&mut fk(
                        "fk_handoffs_customer",
                        (CustomerHandoffs::Table, CustomerHandoffs::CustomerId),
                        (Customers::Table, Customers::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_handoffs_to",
                        (CustomerHandoffs::Table, CustomerHandoffs::ToOwnerId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_handoffs_customer",
            CustomerHandoffs::Table,
            vec![
                CustomerHandoffs::CustomerId.into_iden(),
                CustomerHandoffs::At.into_iden(),
                CustomerHandoffs::Id.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Interactions::Table)
                    .col(pk_uuid(Interactions::Id))
                    .col(uuid(Interactions::CustomerId))
                    .col(uuid(Interactions::UserId))
                    .col(string_len(Interactions::Channel, 16))
                    .col(string_len(Interactions::Direction, 16))
                    .col(timestamp_with_time_zone(Interactions::OccurredAt))
                    .col(string_len_null(Interactions::Subject, 200))
                    .col(text_null(Interactions::Summary))
                    .col(string_len_null(Interactions::Outcome, 16))
                    .col(integer_null(Interactions::Satisfaction))
                    .col(uuid_null(Interactions::TouchpointId))
                    .col(integer(Interactions::Version))
                    .col(timestamp_with_time_zone(Interactions::CreatedAt))
                    .col(timestamp_with_time_zone(Interactions::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_interactions_customer",
                        (Interactions::Table, Interactions::CustomerId),
                        (Customers::Table, Customers::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_interactions_user",
                        (Interactions::Table, Interactions::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_interactions_customer",
            Interactions::Table,
            vec![
                Interactions::CustomerId.into_iden(),
                Interactions::OccurredAt.into_iden(),
                Interactions::Id.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_interactions_user",
            Interactions::Table,
            vec![
                Interactions::UserId.into_iden(),
                Interactions::OccurredAt.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_interactions_occurred",
            Interactions::Table,
            vec![
                Interactions::OccurredAt.into_iden(),
                Interactions::Id.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Purchases::Table)
                    .col(pk_uuid(Purchases::Id))
                    .col(uuid(Purchases::CustomerId))
                    .col(big_integer(Purchases::AmountMinor))
                    .col(string_len(Purchases::Currency, 3))
                    .col(timestamp_with_time_zone(Purchases::OccurredAt))
                    .col(text_null(Purchases::Description))
                    .col(uuid(Purchases::CreatedBy))
                    .col(integer(Purchases::Version))
                    .col(timestamp_with_time_zone(Purchases::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_purchases_customer",
                        (Purchases::Table, Purchases::CustomerId),
                        (Customers::Table, Customers::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_purchases_customer",
            Purchases::Table,
            vec![
                Purchases::CustomerId.into_iden(),
                Purchases::OccurredAt.into_iden(),
                Purchases::Id.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(DomainEvents::Table)
                    .col(pk_uuid(DomainEvents::Id))
                    .col(string_len(DomainEvents::Kind, 32))
                    .col(uuid(DomainEvents::CustomerId))
                    .col(json(DomainEvents::Payload))
                    .col(timestamp_with_time_zone(DomainEvents::OccurredAt))
                    .col(timestamp_with_time_zone_null(DomainEvents::ProcessedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_domain_events_pending",
            DomainEvents::Table,
            vec![
                DomainEvents::ProcessedAt.into_iden(),
                DomainEvents::OccurredAt.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Segments::Table)
                    .col(pk_uuid(Segments::Id))
                    .col(string_len_uniq(Segments::Name, 200))
                    .col(text_null(Segments::Description))
                    .col(string_len(Segments::Kind, 16))
                    .col(json_null(Segments::Rule))
                    .col(uuid(Segments::CreatedBy))
                    .col(integer(Segments::Version))
                    .col(timestamp_with_time_zone(Segments::CreatedAt))
                    .col(timestamp_with_time_zone(Segments::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SegmentMembers::Table)
                    .col(uuid(SegmentMembers::SegmentId))
                    .col(uuid(SegmentMembers::CustomerId))
                    .col(timestamp_with_time_zone(SegmentMembers::AddedAt))
                    .primary_key(
                        Index::create()
                            .col(SegmentMembers::SegmentId)
                            .col(SegmentMembers::CustomerId),
                    )
                    .foreign_key(
                        &mut fk(
                            "fk_members_segment",
                            (SegmentMembers::Table, SegmentMembers::SegmentId),
                            (Segments::Table, Segments::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .foreign_key(&mut fk(
                        "fk_members_customer",
                        (SegmentMembers::Table, SegmentMembers::CustomerId),
                        (Customers::Table, Customers::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_members_customer",
            SegmentMembers::Table,
            vec![SegmentMembers::CustomerId.into_iden()],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "idx_customers_value",
            "idx_customers_purchases",
            "idx_customers_last_purchase",
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Customers::Table).to_owned())
                .await?;
        }
        for table in [
            SegmentMembers::Table.into_iden(),
            Segments::Table.into_iden(),
            DomainEvents::Table.into_iden(),
            Purchases::Table.into_iden(),
            Interactions::Table.into_iden(),
            CustomerHandoffs::Table.into_iden(),
            CustomerHistory::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
