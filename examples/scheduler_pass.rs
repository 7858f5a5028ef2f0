//! Prints how long one scheduler pass (every job) takes over many customers: first with
//! nothing due, then with 1,000 birthdays coming within the horizon (the pass creates their
//! touchpoints), then again once they exist; then over open complaints, first none past a
//! deadline, then 1,000 that missed their first response (the pass escalates them), then
//! again once escalated. Seeds a fresh database directly.
//!
//! cargo run --release --example scheduler_pass                       # SQLite, temporary file
//! RAPPORT_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/sched \
//!   cargo run --release --example scheduler_pass                     # an empty PostgreSQL database
//! RAPPORT_BENCH_CUSTOMERS=200000 RAPPORT_BENCH_DUE=5000 RAPPORT_BENCH_COMPLAINTS=50000 …

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use entity::{complaints, customers, users};
use rapport::config::Settings;
use rapport::domain::complaint::row::set_sla;
use rapport::domain::complaint::sla::{Policy, SlaState};
use rapport::scheduler::{SchedulerRun, run_once};
use rapport::startup::prepare_database;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

#[path = "support/seed.rs"]
mod seed;

const BATCH: usize = 500;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn summary(run: &SchedulerRun) -> String {
    run.passes
        .iter()
        .map(|p| format!("{} {}", p.name, p.affected))
        .collect::<Vec<_>>()
        .join(", ")
}

#[tokio::main]
async fn main() {
    let total = env_number("RAPPORT_BENCH_CUSTOMERS", 100_000);
    let due = env_number("RAPPORT_BENCH_DUE", 1_000).min(total);
    let url = std::env::var("RAPPORT_BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let path =
            std::env::temp_dir().join(format!("rapport-passes-{}.db", Uuid::now_v7().simple()));
        format!("sqlite://{}?mode=rwc", path.display())
    });
    let vars: HashMap<&str, &str> = [
        ("RAPPORT_DATABASE_URL", url.as_str()),
        (
            "RAPPORT_JWT_SECRET",
            "bench-secret-that-is-long-enough-0123456789",
        ),
        ("RAPPORT_BOOTSTRAP_ADMIN_EMAIL", "bench@example.com"),
        ("RAPPORT_BOOTSTRAP_ADMIN_PASSWORD", "bench-password-123"),
        ("RAPPORT_SCHEDULER", "off"),
    ]
    .into_iter()
    .collect();
    let settings = Settings::from_lookup(|k| vars.get(k).map(|v| v.to_string())).unwrap();
    let db = prepare_database(&settings).await.unwrap();
    let now = Utc::now();
    rapport::domain::user::ensure_bootstrap_admin(&db, settings.bootstrap_admin.as_ref(), now)
        .await
        .unwrap();
    let owner = users::Entity::find().one(&db).await.unwrap().unwrap().id;

    // Every customer has a birthday, none within the horizon: 120 days from now.
    let far = (now + Duration::days(120)).date_naive();
    let started = Instant::now();
    for chunk in (0..total).collect::<Vec<_>>().chunks(BATCH) {
        let rows: Vec<customers::ActiveModel> = chunk
            .iter()
            .map(|&i| {
                let mut row = seed::customer(i, Uuid::now_v7(), owner, now);
                let born = NaiveDate::from_ymd_opt(1980, far.month(), far.day().min(28)).unwrap();
                row.birthday = Set(Some(born));
                row.birthday_mmdd = Set(Some((born.month() * 100 + born.day()) as i32));
                row
            })
            .collect();
        customers::Entity::insert_many(rows)
            .exec(&db)
            .await
            .unwrap();
    }
    let backend = if url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    println!(
        "{backend}: seeded {total} customers in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // A bulk load leaves PostgreSQL's planner statistics behind until autovacuum catches up;
    // a running service has them, so the figures are taken with them.
    let analyze = || async {
        if backend == "PostgreSQL" {
            db.execute_unprepared("ANALYZE").await.unwrap();
        }
    };
    analyze().await;

    let options = rapport::scheduler::Options::of(&settings).unwrap();
    let time = |label: String| {
        let (db, options) = (db.clone(), options.clone());
        async move {
            let t = Instant::now();
            let run = run_once(&db, &options, Utc::now()).await.unwrap();
            println!(
                "{label}: {:.1} ms ({})",
                t.elapsed().as_secs_f64() * 1e3,
                summary(&run)
            );
        }
    };
    for _ in 0..3 {
        time("pass, nothing due".to_string()).await;
    }

    // `due` customers get a birthday ten days from now.
    let soon = (now + Duration::days(10)).date_naive();
    let born = NaiveDate::from_ymd_opt(1980, soon.month(), soon.day().min(28)).unwrap();
    let ids: Vec<Uuid> = customers::Entity::find()
        .select_only()
        .column(customers::Column::Id)
        .order_by_asc(customers::Column::Id)
        .limit(due as u64)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    for chunk in ids.chunks(BATCH) {
        customers::Entity::update_many()
            .col_expr(customers::Column::Birthday, Expr::value(born))
            .col_expr(
                customers::Column::BirthdayMmdd,
                Expr::value((born.month() * 100 + born.day()) as i32),
            )
            .filter(customers::Column::Id.is_in(chunk.iter().copied()))
            .exec(&db)
            .await
            .unwrap();
    }
    analyze().await;
    time(format!("pass, {due} due")).await;
    for _ in 0..2 {
        time(format!("pass, the same {due} already scheduled")).await;
    }

    // Open complaints: none past a deadline (low severity, received now), then `due` of them
    // received two hours ago as critical, past their one-hour first response.
    let open = env_number("RAPPORT_BENCH_COMPLAINTS", 20_000);
    let low = Policy {
        first_response_minutes: 72 * 60,
        resolution_minutes: 14 * 24 * 60,
    };
    let critical = Policy {
        first_response_minutes: 60,
        resolution_minutes: 24 * 60,
    };
    let customer_ids: Vec<Uuid> = customers::Entity::find()
        .select_only()
        .column(customers::Column::Id)
        .order_by_asc(customers::Column::Id)
        .limit(open as u64)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let started = Instant::now();
    for (n, chunk) in customer_ids.chunks(BATCH).enumerate() {
        let rows: Vec<complaints::ActiveModel> = chunk
            .iter()
            .enumerate()
            .map(|(i, &customer)| {
                let late = n * BATCH + i < due;
                let (received, policy, severity) = if late {
                    (now - Duration::hours(2), critical, "critical")
                } else {
                    (now, low, "low")
                };
                complaint(customer, owner, received, policy, severity, now)
            })
            .collect();
        complaints::Entity::insert_many(rows)
            .exec_without_returning(&db)
            .await
            .unwrap();
    }
    println!(
        "seeded {} open complaints ({due} past their first response) in {:.1} s",
        customer_ids.len(),
        started.elapsed().as_secs_f64()
    );
    analyze().await;
    time(format!("pass, {due} complaints to escalate")).await;
    for _ in 0..2 {
        time(format!("pass, the same {due} already escalated")).await;
    }
}

/// An open complaint received at `received` under `policy`.
fn complaint(
    customer: Uuid,
    owner: Uuid,
    received: chrono::DateTime<Utc>,
    policy: Policy,
    severity: &str,
    now: chrono::DateTime<Utc>,
) -> complaints::ActiveModel {
    let mut row = complaints::ActiveModel {
        id: Set(Uuid::now_v7()),
        customer_id: Set(customer),
        kind: Set("complaint".into()),
        category: Set("delivery".into()),
        severity: Set(severity.into()),
        subject: Set("Late delivery".into()),
        description: Set(None),
        channel: Set(None),
        received_at: Set(received),
        assignee_id: Set(owner),
        remediation_plan: Set(None),
        resolution: Set(None),
        satisfaction_after: Set(None),
        escalation_level: Set(0),
        closed_at: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_sla(&mut row, &SlaState::received(received, policy));
    row
}
