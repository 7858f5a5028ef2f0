//! Sign-in throttling counts only wrong passwords. The password checks under way for one email
//! from one source are counted apart from the failures (`checking`, forgotten after
//! `checking_until` should a server stop in the middle of one), so that guesses sent all at
//! once are still checked a few at a time without a right password being refused for them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Checking,
    CheckingUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(LoginThrottle::Table)
                    .add_column(integer(LoginThrottle::Checking).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(LoginThrottle::Table)
                    .add_column(timestamp_with_time_zone_null(LoginThrottle::CheckingUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [LoginThrottle::Checking, LoginThrottle::CheckingUntil] {
            manager
                .alter_table(
                    Table::alter()
                        .table(LoginThrottle::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
