//! The event feed: one row per change an integration would want to know of, written in the
//! transaction of the change. `seq` orders the rows a transaction writes; on PostgreSQL `tx`
//! is the writing transaction's id, so that a reader can withhold the events of transactions
//! that may still commit behind the ones it has seen (see `store::events`). Touchpoints note
//! when their becoming overdue has been announced.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Events {
    Table,
    Seq,
    Id,
    Tx,
    Kind,
    OccurredAt,
    ActorType,
    ActorId,
    SubjectId,
    CustomerId,
    Data,
}

#[derive(DeriveIden)]
enum Touchpoints {
    Table,
    OverdueNoted,
    Status,
    DueAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut tx = big_integer(Events::Tx);
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                tx.default(Expr::cust("(pg_current_xact_id()::text::bigint)"));
            }
            _ => {
                tx.default(0);
            }
        }
        manager
            .create_table(
                Table::create()
                    .table(Events::Table)
                    .col(big_pk_auto(Events::Seq))
                    .col(uuid(Events::Id).unique_key())
                    .col(tx)
                    .col(string_len(Events::Kind, 40))
                    .col(timestamp_with_time_zone(Events::OccurredAt))
                    .col(string_len(Events::ActorType, 16))
                    .col(uuid_null(Events::ActorId))
                    .col(uuid(Events::SubjectId))
                    .col(uuid(Events::CustomerId))
                    .col(json(Events::Data))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_events_position", vec![Events::Tx, Events::Seq]),
            (
                "idx_events_customer",
                vec![Events::CustomerId, Events::Tx, Events::Seq],
            ),
            ("idx_events_occurred", vec![Events::OccurredAt]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Events::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Touchpoints::Table)
                    .add_column(boolean(Touchpoints::OverdueNoted).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_touchpoints_overdue_noted")
                    .table(Touchpoints::Table)
                    .col(Touchpoints::Status)
                    .col(Touchpoints::OverdueNoted)
                    .col(Touchpoints::DueAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_touchpoints_overdue_noted")
                    .table(Touchpoints::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Touchpoints::Table)
                    .drop_column(Touchpoints::OverdueNoted)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Events::Table).to_owned())
            .await
    }
}
