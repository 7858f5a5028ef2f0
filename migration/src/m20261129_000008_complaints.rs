//! Service repair: complaints (with suggestions and praise), their append-only event list,
//! and the SLA policy of each severity, seeded with the defaults of DESIGN §5. Touchpoints
//! gain the complaint they follow up, so reopening a complaint can cancel its follow-up.
//!
//! `next_escalation_at` is the instant the escalation pass next has work on a complaint
//! (null when none is pending); its index makes a pass cost what is due.

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
    ComplaintId,
}

#[derive(DeriveIden)]
enum Complaints {
    Table,
    Id,
    CustomerId,
    Kind,
    Category,
    Severity,
    Subject,
    Description,
    Channel,
    ReceivedAt,
    AssigneeId,
    Status,
    RemediationPlan,
    Resolution,
    SatisfactionAfter,
    EscalationLevel,
    FirstResponseDueAt,
    ResolutionDueAt,
    FirstRespondedAt,
    ResolvedAt,
    ClosedAt,
    WaitingSince,
    PausedSeconds,
    ResponseEscalated,
    ResolutionEscalations,
    NextEscalationAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ComplaintEvents {
    Table,
    Id,
    ComplaintId,
    Kind,
    ActorId,
    At,
    FromStatus,
    ToStatus,
    Note,
    Details,
}

#[derive(DeriveIden)]
enum SlaPolicies {
    Table,
    Severity,
    FirstResponseMinutes,
    ResolutionMinutes,
    Version,
    UpdatedAt,
}

/// DESIGN §5: critical 1 h / 24 h, high 4 h / 3 d, medium 24 h / 7 d, low 72 h / 14 d.
const DEFAULT_POLICIES: [(&str, i32, i32); 4] = [
    ("critical", 60, 24 * 60),
    ("high", 4 * 60, 3 * 24 * 60),
    ("medium", 24 * 60, 7 * 24 * 60),
    ("low", 72 * 60, 14 * 24 * 60),
];

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    cols: Vec<Complaints>,
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index.name(name).table(Complaints::Table);
    for col in cols {
        index.col(col);
    }
    manager.create_index(index.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Complaints::Table)
                    .col(pk_uuid(Complaints::Id))
                    .col(uuid(Complaints::CustomerId))
                    .col(string_len(Complaints::Kind, 16))
                    .col(string_len(Complaints::Category, 16))
                    .col(string_len(Complaints::Severity, 16))
                    .col(string_len(Complaints::Subject, 200))
                    .col(text_null(Complaints::Description))
                    .col(string_len_null(Complaints::Channel, 16))
                    .col(timestamp_with_time_zone(Complaints::ReceivedAt))
                    .col(uuid(Complaints::AssigneeId))
                    .col(string_len(Complaints::Status, 32))
                    .col(text_null(Complaints::RemediationPlan))
                    .col(text_null(Complaints::Resolution))
                    .col(small_integer_null(Complaints::SatisfactionAfter))
                    .col(integer(Complaints::EscalationLevel).default(0))
                    .col(timestamp_with_time_zone(Complaints::FirstResponseDueAt))
                    .col(timestamp_with_time_zone(Complaints::ResolutionDueAt))
                    .col(timestamp_with_time_zone_null(Complaints::FirstRespondedAt))
                    .col(timestamp_with_time_zone_null(Complaints::ResolvedAt))
                    .col(timestamp_with_time_zone_null(Complaints::ClosedAt))
                    .col(timestamp_with_time_zone_null(Complaints::WaitingSince))
                    .col(big_integer(Complaints::PausedSeconds).default(0))
                    .col(boolean(Complaints::ResponseEscalated).default(false))
                    .col(integer(Complaints::ResolutionEscalations).default(0))
                    .col(timestamp_with_time_zone_null(Complaints::NextEscalationAt))
                    .col(integer(Complaints::Version))
                    .col(timestamp_with_time_zone(Complaints::CreatedAt))
                    .col(timestamp_with_time_zone(Complaints::UpdatedAt))
                    .foreign_key(
                        &mut ForeignKey::create()
                            .name("fk_complaints_customer")
                            .from(Complaints::Table, Complaints::CustomerId)
                            .to(Customers::Table, Customers::Id)
                            .to_owned(),
                    )
                    .foreign_key(
                        &mut ForeignKey::create()
                            .name("fk_complaints_assignee")
                            .from(Complaints::Table, Complaints::AssigneeId)
                            .to(Users::Table, Users::Id)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_complaints_customer",
            vec![Complaints::CustomerId, Complaints::Status],
        )
        .await?;
        index(
            manager,
            "idx_complaints_assignee",
            vec![Complaints::AssigneeId, Complaints::Status],
        )
        .await?;
        index(
            manager,
            "idx_complaints_received",
            vec![Complaints::ReceivedAt, Complaints::Id],
        )
        .await?;
        index(
            manager,
            "idx_complaints_next_escalation",
            vec![Complaints::NextEscalationAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ComplaintEvents::Table)
                    .col(pk_uuid(ComplaintEvents::Id))
                    .col(uuid(ComplaintEvents::ComplaintId))
                    .col(string_len(ComplaintEvents::Kind, 16))
                    .col(uuid_null(ComplaintEvents::ActorId))
                    .col(timestamp_with_time_zone(ComplaintEvents::At))
                    .col(string_len_null(ComplaintEvents::FromStatus, 32))
                    .col(string_len_null(ComplaintEvents::ToStatus, 32))
                    .col(text_null(ComplaintEvents::Note))
                    .col(json_null(ComplaintEvents::Details))
                    .foreign_key(
                        &mut ForeignKey::create()
                            .name("fk_complaint_events_complaint")
                            .from(ComplaintEvents::Table, ComplaintEvents::ComplaintId)
                            .to(Complaints::Table, Complaints::Id)
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_complaint_events_complaint")
                    .table(ComplaintEvents::Table)
                    .col(ComplaintEvents::ComplaintId)
                    .col(ComplaintEvents::At)
                    .col(ComplaintEvents::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SlaPolicies::Table)
                    .col(string_len(SlaPolicies::Severity, 16).primary_key())
                    .col(integer(SlaPolicies::FirstResponseMinutes))
                    .col(integer(SlaPolicies::ResolutionMinutes))
                    .col(integer(SlaPolicies::Version))
                    .col(timestamp_with_time_zone(SlaPolicies::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        let mut insert = Query::insert();
        insert.into_table(SlaPolicies::Table).columns([
            SlaPolicies::Severity,
            SlaPolicies::FirstResponseMinutes,
            SlaPolicies::ResolutionMinutes,
            SlaPolicies::Version,
            SlaPolicies::UpdatedAt,
        ]);
        for (severity, response, resolution) in DEFAULT_POLICIES {
            insert.values_panic([
                severity.into(),
                response.into(),
                resolution.into(),
                1.into(),
                Expr::current_timestamp(),
            ]);
        }
        manager.exec_stmt(insert.to_owned()).await?;

        manager
            .alter_table(
                Table::alter()
                    .table(Touchpoints::Table)
                    .add_column(uuid_null(Touchpoints::ComplaintId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Touchpoints::Table)
                    .drop_column(Touchpoints::ComplaintId)
                    .to_owned(),
            )
            .await?;
        for table in [
            ComplaintEvents::Table.into_iden(),
            Complaints::Table.into_iden(),
            SlaPolicies::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
