//! API keys: service principals for integrations, each with a role, optional scopes, an
//! expiry and a revocation time. Only a hash of the secret is kept, found by its exact value.
//! Records that name who made a change (history, complaint events, hand-offs) say whether it
//! was a user or a key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    Id,
    Name,
    Description,
    Role,
    OwnerId,
    Scopes,
    Prefix,
    SecretHash,
    ExpiresAt,
    LastUsedAt,
    RevokedAt,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

/// The records that name who made a change.
const ACTOR_TABLES: [&str; 3] = ["customer_history", "complaint_events", "customer_handoffs"];

fn actor_type(table: &str) -> TableAlterStatement {
    Table::alter()
        .table(Alias::new(table))
        .add_column(string_len(Alias::new("actor_type"), 16).default("user"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApiKeys::Table)
                    .col(pk_uuid(ApiKeys::Id))
                    .col(string_len(ApiKeys::Name, 100))
                    .col(text_null(ApiKeys::Description))
                    .col(string_len(ApiKeys::Role, 16))
                    .col(uuid(ApiKeys::OwnerId))
                    .col(json(ApiKeys::Scopes))
                    .col(string_len(ApiKeys::Prefix, 16))
                    .col(string_len(ApiKeys::SecretHash, 64).unique_key())
                    .col(timestamp_with_time_zone_null(ApiKeys::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiKeys::LastUsedAt))
                    .col(timestamp_with_time_zone_null(ApiKeys::RevokedAt))
                    .col(uuid(ApiKeys::CreatedBy))
                    .col(integer(ApiKeys::Version))
                    .col(timestamp_with_time_zone(ApiKeys::CreatedAt))
                    .col(timestamp_with_time_zone(ApiKeys::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_api_keys_owner")
                            .from(ApiKeys::Table, ApiKeys::OwnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_api_keys_created")
                    .table(ApiKeys::Table)
                    .col(ApiKeys::CreatedAt)
                    .col(ApiKeys::Id)
                    .to_owned(),
            )
            .await?;
        for table in ACTOR_TABLES {
            manager.alter_table(actor_type(table)).await?;
        }
        // Changes recorded without an actor were the service's own.
        for table in ["customer_history", "complaint_events"] {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "UPDATE {table} SET actor_type = 'system' WHERE actor_id IS NULL"
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ACTOR_TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(Alias::new("actor_type"))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(ApiKeys::Table).to_owned())
            .await
    }
}
