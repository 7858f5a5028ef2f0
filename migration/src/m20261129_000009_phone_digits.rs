//! The digits of each customer's phone number, indexed, so an import finds the customer a
//! row names however the number is written (`+49 30 1234-5678`, `(030) 12345678`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Phone,
    PhoneDigits,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Customers::Table)
                    .add_column(string_len_null(Customers::PhoneDigits, 32))
                    .to_owned(),
            )
            .await?;
        // A stored phone holds digits and at most `+ ( ) . -` and spaces (the profile rule),
        // so removing those leaves its digits on either database.
        let mut digits = Expr::col(Customers::Phone);
        for c in ["+", " ", "(", ")", ".", "-"] {
            digits = Func::cust("replace").arg(digits).arg(c).arg("").into();
        }
        manager
            .exec_stmt(
                Query::update()
                    .table(Customers::Table)
                    .value(Customers::PhoneDigits, digits)
                    .and_where(Expr::col(Customers::Phone).is_not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_customers_phone_digits")
                    .table(Customers::Table)
                    .col(Customers::PhoneDigits)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_customers_phone_digits")
                    .table(Customers::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Customers::Table)
                    .drop_column(Customers::PhoneDigits)
                    .to_owned(),
            )
            .await
    }
}
