//! Personal data: consent per channel and the customer's "do not contact" flag, the history of
//! every consent change, the anonymous remains of an erased customer, interactions logged
//! without consent, and the append-only audit trail. On either database triggers refuse to
//! change an audit row and to delete one younger than 30 days, so that no code path of the
//! service (nor anyone holding its credentials) can rewrite or cut the recent trail; the
//! retention pass deletes only older rows.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Consent,
    DoNotContact,
    ErasedAt,
    ErasureReason,
}

#[derive(DeriveIden)]
enum Interactions {
    Table,
    WithoutConsent,
}

#[derive(DeriveIden)]
enum ConsentChanges {
    Table,
    Id,
    CustomerId,
    Channel,
    State,
    DoNotContact,
    Source,
    ActorType,
    ActorId,
    ChangedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorType,
    ActorId,
    Action,
    EntityType,
    EntityId,
    Status,
    RequestId,
    Ip,
    Fields,
}

/// The youngest audit rows anything may delete, in days.
pub const AUDIT_FLOOR_DAYS: u32 = 30;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            json(Customers::Consent).default("{}").to_owned(),
            boolean(Customers::DoNotContact).default(false).to_owned(),
            timestamp_with_time_zone_null(Customers::ErasedAt).to_owned(),
            string_len_null(Customers::ErasureReason, 500).to_owned(),
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
        manager
            .alter_table(
                Table::alter()
                    .table(Interactions::Table)
                    .add_column(boolean(Interactions::WithoutConsent).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsentChanges::Table)
                    .col(uuid(ConsentChanges::Id).primary_key())
                    .col(uuid(ConsentChanges::CustomerId))
                    .col(string_len_null(ConsentChanges::Channel, 16))
                    .col(string_len_null(ConsentChanges::State, 16))
                    .col(boolean_null(ConsentChanges::DoNotContact))
                    .col(string_len_null(ConsentChanges::Source, 200))
                    .col(string_len(ConsentChanges::ActorType, 16))
                    .col(uuid_null(ConsentChanges::ActorId))
                    .col(timestamp_with_time_zone(ConsentChanges::ChangedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consent_changes_customer")
                    .table(ConsentChanges::Table)
                    .col(ConsentChanges::CustomerId)
                    .col(ConsentChanges::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(uuid(AuditLog::Id).primary_key())
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(string_len(AuditLog::ActorType, 16))
                    .col(uuid_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 40))
                    .col(string_len(AuditLog::EntityType, 40))
                    .col(string_len_null(AuditLog::EntityId, 64))
                    .col(small_integer(AuditLog::Status))
                    .col(string_len_null(AuditLog::RequestId, 64))
                    .col(string_len_null(AuditLog::Ip, 64))
                    .col(json(AuditLog::Fields))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_audit_actor", vec![AuditLog::ActorId, AuditLog::Id]),
            (
                "idx_audit_entity",
                vec![AuditLog::EntityType, AuditLog::EntityId, AuditLog::Id],
            ),
            ("idx_audit_at", vec![AuditLog::At]),
        ] {
            let mut index = Index::create();
            index.name(name).table(AuditLog::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        let db = manager.get_connection();
        let floor = AUDIT_FLOOR_DAYS;
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(&format!(
                    "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ \
                     BEGIN \
                       IF TG_OP = 'DELETE' AND OLD.at < now() - interval '{floor} days' THEN \
                         RETURN OLD; \
                       END IF; \
                       RAISE EXCEPTION 'audit_log is append-only'; \
                     END $$ LANGUAGE plpgsql; \
                     CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log \
                       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only(); \
                     CREATE FUNCTION audit_log_no_truncate() RETURNS trigger AS $$ \
                     BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql; \
                     CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
                       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();"
                ))
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
                     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                )
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER audit_log_no_recent_delete BEFORE DELETE ON audit_log \
                     WHEN julianday(OLD.at) > julianday('now') - {floor} \
                     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            db.execute_unprepared(
                "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log; \
                 DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log; \
                 DROP FUNCTION IF EXISTS audit_log_no_truncate(); \
                 DROP FUNCTION IF EXISTS audit_log_append_only();",
            )
            .await?;
        }
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ConsentChanges::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Interactions::Table)
                    .drop_column(Interactions::WithoutConsent)
                    .to_owned(),
            )
            .await?;
        for column in [
            Customers::ErasureReason,
            Customers::ErasedAt,
            Customers::DoNotContact,
            Customers::Consent,
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
        Ok(())
    }
}
