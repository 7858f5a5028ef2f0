//! The month-days of each customer's recurring important dates, one row each, so that the
//! scheduler finds the dates coming within its horizon through an index, as it finds birthdays
//! through `customers.birthday_mmdd`, instead of reading every customer's JSON. Existing
//! customers' dates are copied in.

use sea_orm_migration::sea_orm::{JsonValue, Value};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CustomerDates {
    Table,
    CustomerId,
    MonthDay,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    ImportantDates,
}

/// `month * 100 + day` of a `YYYY-MM-DD` date, as `customers.birthday_mmdd` keeps it.
fn month_day(date: &str) -> Option<i32> {
    let mut parts = date.split('-');
    let _year = parts.next()?;
    let month: i32 = parts.next()?.parse().ok()?;
    let day: i32 = parts.next()?.parse().ok()?;
    Some(month * 100 + day)
}

fn recurring_month_days(dates: &JsonValue) -> Vec<i32> {
    let mut keys: Vec<i32> = dates
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["recurring"].as_bool().unwrap_or(true))
        .filter_map(|d| d["date"].as_str().and_then(month_day))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CustomerDates::Table)
                    .col(uuid(CustomerDates::CustomerId))
                    .col(integer(CustomerDates::MonthDay))
                    .primary_key(
                        Index::create()
                            .col(CustomerDates::CustomerId)
                            .col(CustomerDates::MonthDay),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CustomerDates::Table, CustomerDates::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_customer_dates_month_day")
                    .table(CustomerDates::Table)
                    .col(CustomerDates::MonthDay)
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        let rows = db
            .query_all(
                Query::select()
                    .columns([Customers::Id, Customers::ImportantDates])
                    .from(Customers::Table)
                    .and_where(Expr::col(Customers::ImportantDates).is_not_null()),
            )
            .await?;
        for row in rows {
            let id: sea_orm_migration::sea_orm::prelude::Uuid = row.try_get("", "id")?;
            let dates: JsonValue = row.try_get("", "important_dates")?;
            let keys = recurring_month_days(&dates);
            if keys.is_empty() {
                continue;
            }
            let mut insert = Query::insert();
            insert
                .into_table(CustomerDates::Table)
                .columns([CustomerDates::CustomerId, CustomerDates::MonthDay]);
            for key in keys {
                insert.values_panic([Value::from(id).into(), key.into()]);
            }
            db.execute(&insert).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CustomerDates::Table).to_owned())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str, recurring: Option<bool>) -> JsonValue {
        let mut fields = vec![("date".to_string(), JsonValue::String(text.into()))];
        if let Some(r) = recurring {
            fields.push(("recurring".to_string(), JsonValue::Bool(r)));
        }
        JsonValue::Object(fields.into_iter().collect())
    }

    #[test]
    fn recurring_is_the_default_and_one_offs_do_not_count() {
        let dates = JsonValue::Array(vec![
            date("2015-06-12", None),
            date("2020-02-29", Some(true)),
            date("2024-03-01", Some(false)),
            date("2016-06-12", Some(true)),
        ]);
        assert_eq!(recurring_month_days(&dates), vec![229, 612]);
    }
}
