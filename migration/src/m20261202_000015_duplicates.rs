//! Duplicates: the keys two records of one person are recognised by (a phone number in E.164,
//! company and city compared without case; emails are stored in lower case already), the pairs
//! found and the pairs dismissed as "not a duplicate", and the pointer a merged customer
//! leaves behind. On PostgreSQL, names are compared by trigram similarity (`pg_trgm`, whose
//! GIN index finds similar names without reading every customer).
//!
//! The keys of existing customers are computed here, with this migration's own copy of the
//! rules, so that the stored keys do not change when the service's rules later do.

use sea_orm_migration::sea_orm::prelude::Uuid;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, TryGetable};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    PhoneDigits,
    PhoneE164,
    CompanyKey,
    CityKey,
    MergedInto,
    MergedAt,
    DuplicatesCheckedAt,
}

#[derive(DeriveIden)]
enum DuplicatePairs {
    Table,
    CustomerId,
    OtherId,
    Score,
    Reasons,
    FoundAt,
}

#[derive(DeriveIden)]
enum DuplicateDismissals {
    Table,
    CustomerId,
    OtherId,
    ActorType,
    ActorId,
    DismissedAt,
}

/// The key of a free-text value compared without case or surrounding space.
fn text_key(value: &str) -> Option<String> {
    let key = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!key.is_empty()).then(|| key.to_lowercase())
}

/// A phone number in E.164, read with the customer's country (an ISO 3166 code) as the
/// region of a number written without one.
fn e164(phone: &str, country: Option<&str>) -> Option<String> {
    let region = country.and_then(|c| c.trim().to_uppercase().parse().ok());
    phonenumber::parse(region, phone)
        .ok()
        .map(|n| n.format().mode(phonenumber::Mode::E164).to_string())
}

fn get<T: TryGetable>(
    row: &sea_orm_migration::sea_orm::QueryResult,
    col: &str,
) -> Result<T, DbErr> {
    row.try_get("", col)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        if backend == DatabaseBackend::Postgres {
            db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                .await?;
        }
        for column in [
            string_len_null(Customers::PhoneE164, 20).to_owned(),
            string_len_null(Customers::CompanyKey, 200).to_owned(),
            string_len_null(Customers::CityKey, 100).to_owned(),
            uuid_null(Customers::MergedInto).to_owned(),
            timestamp_with_time_zone_null(Customers::MergedAt).to_owned(),
            timestamp_with_time_zone_null(Customers::DuplicatesCheckedAt).to_owned(),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(Customers::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }

        // Keys of the customers already stored, a page at a time.
        let mut after = Uuid::nil();
        loop {
            let rows = db
                .query_all(
                    &Query::select()
                        .columns([
                            Alias::new("id"),
                            Alias::new("phone"),
                            Alias::new("country"),
                            Alias::new("company"),
                            Alias::new("city"),
                        ])
                        .from(Customers::Table)
                        .and_where(Expr::col(Customers::Id).gt(after))
                        .order_by(Customers::Id, Order::Asc)
                        .limit(1000)
                        .to_owned(),
                )
                .await?;
            let Some(last) = rows.last() else { break };
            after = get(last, "id")?;
            for row in &rows {
                let id: Uuid = get(row, "id")?;
                let phone: Option<String> = get(row, "phone")?;
                let country: Option<String> = get(row, "country")?;
                let company: Option<String> = get(row, "company")?;
                let city: Option<String> = get(row, "city")?;
                manager
                    .exec_stmt(
                        Query::update()
                            .table(Customers::Table)
                            .value(
                                Customers::PhoneE164,
                                phone.as_deref().and_then(|p| e164(p, country.as_deref())),
                            )
                            .value(Customers::CompanyKey, company.as_deref().and_then(text_key))
                            .value(Customers::CityKey, city.as_deref().and_then(text_key))
                            .and_where(Expr::col(Customers::Id).eq(id))
                            .to_owned(),
                    )
                    .await?;
            }
        }

        // The E.164 number replaces the digits the import matched on.
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
            .await?;
        for (name, column) in [
            ("idx_customers_phone_e164", Customers::PhoneE164),
            ("idx_customers_company_key", Customers::CompanyKey),
            ("idx_customers_city_key", Customers::CityKey),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Customers::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        // Partial: a plain index on a column nearly always null would be chosen for every
        // `merged_into IS NULL` of the live-customer condition, and read the whole table.
        db.execute_unprepared(
            "CREATE INDEX idx_customers_merged_into ON customers (merged_into) \
             WHERE merged_into IS NOT NULL",
        )
        .await?;
        // The customers the scheduler's pass has still to compare, in id order.
        db.execute_unprepared(
            "CREATE INDEX idx_customers_duplicates_unchecked ON customers (id) \
             WHERE duplicates_checked_at IS NULL",
        )
        .await?;
        if backend == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "CREATE INDEX idx_customers_name_trgm ON customers USING gin (name gin_trgm_ops)",
            )
            .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(DuplicatePairs::Table)
                    .col(uuid(DuplicatePairs::CustomerId))
                    .col(uuid(DuplicatePairs::OtherId))
                    .col(small_integer(DuplicatePairs::Score))
                    .col(json(DuplicatePairs::Reasons))
                    .col(timestamp_with_time_zone(DuplicatePairs::FoundAt))
                    .primary_key(
                        Index::create()
                            .col(DuplicatePairs::CustomerId)
                            .col(DuplicatePairs::OtherId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_duplicate_pairs_likely")
                    .table(DuplicatePairs::Table)
                    .col((DuplicatePairs::Score, IndexOrder::Desc))
                    .col(DuplicatePairs::CustomerId)
                    .col(DuplicatePairs::OtherId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_duplicate_pairs_other")
                    .table(DuplicatePairs::Table)
                    .col(DuplicatePairs::OtherId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DuplicateDismissals::Table)
                    .col(uuid(DuplicateDismissals::CustomerId))
                    .col(uuid(DuplicateDismissals::OtherId))
                    .col(string_len(DuplicateDismissals::ActorType, 16))
                    .col(uuid_null(DuplicateDismissals::ActorId))
                    .col(timestamp_with_time_zone(DuplicateDismissals::DismissedAt))
                    .primary_key(
                        Index::create()
                            .col(DuplicateDismissals::CustomerId)
                            .col(DuplicateDismissals::OtherId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_duplicate_dismissals_other")
                    .table(DuplicateDismissals::Table)
                    .col(DuplicateDismissals::OtherId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DuplicateDismissals::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(DuplicatePairs::Table).to_owned())
            .await?;
        for name in [
            "idx_customers_name_trgm",
            "idx_customers_merged_into",
            "idx_customers_duplicates_unchecked",
        ] {
            manager
                .get_connection()
                .execute_unprepared(&format!("DROP INDEX IF EXISTS {name}"))
                .await?;
        }
        for name in [
            "idx_customers_phone_e164",
            "idx_customers_company_key",
            "idx_customers_city_key",
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Customers::Table).to_owned())
                .await?;
        }
        for column in [
            Customers::PhoneE164,
            Customers::CompanyKey,
            Customers::CityKey,
            Customers::MergedInto,
            Customers::MergedAt,
            Customers::DuplicatesCheckedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Customers::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Customers::Table)
                    .add_column(string_len_null(Customers::PhoneDigits, 32))
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
}
