//! Sign-in throttling counts failures per email *and* source address, so that a caller who
//! keeps failing locks out only themselves and the account's owner can still sign in. The
//! state is short-lived (failures are forgotten after 15 minutes), so the table is made anew
//! rather than converted.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Email,
    Source,
    Failures,
    LastFailureAt,
    LockedUntil,
}

fn table(with_source: bool) -> TableCreateStatement {
    let mut table = Table::create();
    table
        .table(LoginThrottle::Table)
        .col(string_len(LoginThrottle::Email, 254));
    if with_source {
        table.col(string_len(LoginThrottle::Source, 64));
    }
    table
        .col(integer(LoginThrottle::Failures))
        .col(timestamp_with_time_zone(LoginThrottle::LastFailureAt))
        .col(timestamp_with_time_zone_null(LoginThrottle::LockedUntil));
    let mut key = Index::create();
    key.col(LoginThrottle::Email);
    if with_source {
        key.col(LoginThrottle::Source);
    }
    table.primary_key(&mut key).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LoginThrottle::Table).to_owned())
            .await?;
        manager.create_table(table(true)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LoginThrottle::Table).to_owned())
            .await?;
        manager.create_table(table(false)).await
    }
}
